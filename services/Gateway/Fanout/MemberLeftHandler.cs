using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// The former member's connections here leave room:{id}, so nothing sent to the room reaches them any more
// (invariant 6); they and the room hear MemberLeft. A stale event (the user was added back since) removes nobody.
public sealed class MemberLeftHandler(
    LocalMembership membership, RoomAccess access, RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<MemberLeftIntegrationEvent>
{
    public async Task HandleAsync(MemberLeftIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var (roomId, userId) = (integrationEvent.RoomId, integrationEvent.UserId);
        var left = new MemberEvent(roomId, userId);
        if (membership.IsConnected(userId) && await access.FindAsMemberAsync(roomId, userId) is null)
        {
            await groups.LeaveAsync(roomId, userId);
            await hub.Clients.Group(HubGroups.User(userId)).MemberLeft(left);
        }
        await hub.Clients.Group(HubGroups.Room(roomId)).MemberLeft(left);
    }
}
