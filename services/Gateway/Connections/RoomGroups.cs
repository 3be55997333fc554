using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Connections;

// Keeps the SignalR room:{id} groups of this instance in line with LocalMembership.
public sealed class RoomGroups(LocalMembership membership, IHubContext<ChatHub, IChatClient> hub)
{
    public async Task JoinAsync(string roomId, string userId)
    {
        foreach (var connectionId in membership.Join(roomId, userId))
            await hub.Groups.AddToGroupAsync(connectionId, HubGroups.Room(roomId));
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
