using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// What the member joined and left handlers share. Events of different topics may arrive in any order (or be replayed),
// so neither trusts its event to move a user's connections here between groups: both ask the room actor whether the
// user is a member now, and only for a user connected to this instance.
public sealed class MemberFanout(
    LocalMembership membership, RoomAccess access, RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
{
    public IChatClient Room(string roomId) => hub.Clients.Group(HubGroups.Room(roomId));

    // The user's connections here join room:{id} and get the room (RoomUpdated), if the user is a member now.
    public async Task JoinIfMemberAsync(MemberEvent joined)
    {
        if (await CheckHereAsync(joined) is (true, { } room))
        {
            await groups.JoinAsync(joined.RoomId, joined.UserId);
            await hub.Clients.Group(HubGroups.User(joined.UserId)).RoomUpdated(room);
        }
    }

    // The user's connections here leave room:{id} and hear MemberLeft, unless the user was added back since.
    public async Task LeaveUnlessMemberAsync(MemberEvent left)
    {
        if (await CheckHereAsync(left) is (true, null))
        {
            await groups.LeaveAsync(left.RoomId, left.UserId);
            await hub.Clients.Group(HubGroups.User(left.UserId)).MemberLeft(left);
        }
    }

    // The room actor is asked only when the user has a connection here: other instances' users are not ours to move.
    private async Task<(bool ConnectedHere, Room? Room)> CheckHereAsync(MemberEvent change) =>
        membership.IsConnected(change.UserId) ? (true, await access.FindAsMemberAsync(change.RoomId, change.UserId)) : (false, null);
}
