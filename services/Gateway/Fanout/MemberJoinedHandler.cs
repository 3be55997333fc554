using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// The new member's connections here join room:{id} and get the room (RoomUpdated); the room hears MemberJoined.
// Events of different topics may arrive in any order (or be replayed), so the room actor is asked whether the user
// is still a member before anyone joins.
public sealed class MemberJoinedHandler(
    LocalMembership membership, RoomAccess access, RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<MemberJoinedIntegrationEvent>
{
    public async Task HandleAsync(MemberJoinedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var (roomId, userId) = (integrationEvent.RoomId, integrationEvent.UserId);
        if (membership.IsConnected(userId) && await access.FindAsMemberAsync(roomId, userId) is { } room)
        {
            await groups.JoinAsync(roomId, userId);
            await hub.Clients.Group(HubGroups.User(userId)).RoomUpdated(room);
        }
        await hub.Clients.Group(HubGroups.Room(roomId)).MemberJoined(new MemberEvent(roomId, userId));
    }
}
