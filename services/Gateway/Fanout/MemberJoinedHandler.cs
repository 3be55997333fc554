using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Fanout;

// The new member's connections here join room:{id} and get the room; then the room hears MemberJoined.
public sealed class MemberJoinedHandler(MemberFanout fanout) : IFanoutHandler<MemberJoinedIntegrationEvent>
{
    public async Task HandleAsync(MemberJoinedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var joined = new MemberEvent(integrationEvent.RoomId, integrationEvent.UserId);
        await fanout.JoinIfMemberAsync(joined);
        await fanout.Room(joined.RoomId).MemberJoined(joined);
    }
}
