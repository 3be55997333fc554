using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Connections;

// Keeps the SignalR room:{id} groups of this instance in line with LocalMembership.
public sealed class RoomGroups(LocalMembership membership, IHubContext<ChatHub, IChatClient> hub)
{
    // Into the SignalR group first, then tracked as in the room: an event handled in between reaches the connection
    // twice (room group, and user group because it is not tracked yet: see LocalMembership.AudienceOf), which clients
    // drop by (roomId, seq). The other order lost it: tracked but not yet in the group reached it through neither.
    public async Task JoinAsync(string roomId, string userId)
    {
        var group = HubGroups.Room(roomId);
        var added = membership.ConnectionsOf(userId);
        foreach (var connectionId in added)
            await hub.Groups.AddToGroupAsync(connectionId, group);
        foreach (var connectionId in membership.Join(roomId, userId).Except(added, StringComparer.Ordinal))
            await hub.Groups.AddToGroupAsync(connectionId, group);
    }

    public async Task LeaveAsync(string roomId, string userId)
    {
        foreach (var connectionId in membership.Leave(roomId, userId))
            await hub.Groups.RemoveFromGroupAsync(connectionId, HubGroups.Room(roomId));
    }

    // Brings the room's group to exactly its local members, from a full room snapshot.
    public async Task ReconcileAsync(Room room)
    {
        var members = room.Members.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        foreach (var userId in membership.UsersIn(room.RoomId).Where(u => !members.Contains(u)))
            await LeaveAsync(room.RoomId, userId);
        foreach (var userId in membership.ConnectedAmong(members))
            await JoinAsync(room.RoomId, userId);
    }

    public MessageAudience AudienceOf(string roomId, IReadOnlyList<string> memberIds) => membership.AudienceOf(roomId, memberIds);
}

public sealed record MessageAudience(string RoomGroup, IReadOnlyList<string> ExcludedConnections, IReadOnlyList<string> ExtraUserGroups)
{
    public async Task SendAsync(IHubClients<IChatClient> clients, Func<IChatClient, Task> send)
    {
        await send(clients.GroupExcept(RoomGroup, ExcludedConnections));
        if (ExtraUserGroups.Count > 0)
            await send(clients.Groups(ExtraUserGroups));
    }
}
