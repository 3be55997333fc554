using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Fanout;

// The former member's connections here leave room:{id}, so nothing sent to the room reaches them any more
// (invariant 6); they and the room hear MemberLeft.
public sealed class MemberLeftHandler(MemberFanout fanout) : IFanoutHandler<MemberLeftIntegrationEvent>
{
    public async Task HandleAsync(MemberLeftIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var left = new MemberEvent(integrationEvent.RoomId, integrationEvent.UserId);
        await fanout.LeaveUnlessMemberAsync(left);
        await fanout.Room(left.RoomId).MemberLeft(left);
    }
}
