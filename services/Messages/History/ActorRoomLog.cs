using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Names;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace ChatDapr.Messages.History;

public sealed class ActorRoomLog(IActorProxyFactory proxies) : IRoomLog
{
    public async Task<IReadOnlyList<VersionedMessage>> GetMessagesAsync(string roomId, long afterSeq, int limit, CancellationToken ct)
    {
        var room = proxies.CreateActorProxy<IRoomActor>(new ActorId(roomId), ActorTypes.RoomActor);
        try
        {
            return await room.GetMessagesAsync(new GetMessagesQuery(afterSeq, limit)).WaitAsync(ct);
        }
        catch (ActorMethodInvocationException e) when (CodeOf(e) is { } code)
        {
            // The room's rule violation (e.g. not_found) reaches our caller with its code, not as a server error.
            throw new ChatError(code, "room log: " + e.Message);
        }
    }

    private static string? CodeOf(Exception e) =>
        ChatError.TryParseCode(e.Message, out var code) || ChatError.TryParseCode(e.InnerException?.Message, out code) ? code : null;
}
