using ChatDapr.Contracts.Actors;

namespace ChatDapr.Messages.History;

// The durable source of a room's messages: the room actor's log.
public interface IRoomLog
{
    Task<IReadOnlyList<VersionedMessage>> GetMessagesAsync(string roomId, long afterSeq, int limit, CancellationToken ct);
}
