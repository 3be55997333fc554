using ChatDapr.Contracts.Hub;

namespace ChatDapr.Gateway.Connections;

// What this gateway instance knows about its own connections: which users are connected here (with which connection
// ids) and which of them sit in which room:{id} group. Only local users are tracked, so the memory is proportional to
// this instance's connections, not to the rooms of the system. Every method is O(affected users) under one lock and
// returns the connection ids the caller must add to or remove from SignalR groups afterwards (outside the lock).
public sealed class LocalMembership
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LocalUser> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalRoom> rooms = new(StringComparer.Ordinal);

    public void AddConnection(string userId, string connectionId)
    {
        lock (gate)
        {
            if (!users.TryGetValue(userId, out var user))
                users[userId] = user = new LocalUser();
            user.Connections.Add(connectionId);
        }
    }

    // When the user's last connection goes, the user leaves every room it was tracked in (SignalR already dropped
    // the connection from its groups).
    public void RemoveConnection(string userId, string connectionId)
    {
        lock (gate)
        {
            if (!users.TryGetValue(userId, out var user) || !user.Connections.Remove(connectionId) || user.Connections.Count > 0)
                return;
            users.Remove(userId);
            foreach (var roomId in user.Rooms)
                Untrack(roomId, userId);
        }
    }

    public bool IsConnected(string userId)
    {
        lock (gate)
            return users.ContainsKey(userId);
    }

    public IReadOnlyList<string> ConnectionsOf(string userId)
    {
        lock (gate)
            return users.TryGetValue(userId, out var user) ? [.. user.Connections] : [];
    }

    // Marks the user as in the room; returns their connections to add to room:{id} (none when not connected here).
    public IReadOnlyList<string> Join(string roomId, string userId)
    {
        lock (gate)
        {
            if (!users.TryGetValue(userId, out var user))
                return [];
            user.Rooms.Add(roomId);
            if (!rooms.TryGetValue(roomId, out var room))
                rooms[roomId] = room = new LocalRoom();
            room.Users.Add(userId);
            return [.. user.Connections];
        }
    }

    // Marks the user as out of the room; returns their connections to remove from room:{id}.
    public IReadOnlyList<string> Leave(string roomId, string userId)
    {
        lock (gate)
        {
            if (!users.TryGetValue(userId, out var user))
                return [];
            user.Rooms.Remove(roomId);
            Untrack(roomId, userId);
            return [.. user.Connections];
        }
    }

    // Local users tracked in the room.
    public IReadOnlyList<string> UsersIn(string roomId)
    {
        lock (gate)
            return rooms.TryGetValue(roomId, out var room) ? [.. room.Users] : [];
    }

    // Locally connected users among userIds.
    public IReadOnlyList<string> ConnectedAmong(IEnumerable<string> userIds)
    {
        lock (gate)
            return userIds.Where(users.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
    }

    // Who receives a message event of the room on this instance: the room:{id} group, except connections of users who
    // were not members when the event happened (removed before it, or added after it); plus members connected here
    // whom the group does not hold yet (the event may overtake the room-updated that adds them), reached through their
    // user:{id} groups. Membership is taken from the event, never changed by it. O(members) lookups, in memory.
    public MessageAudience AudienceOf(string roomId, IReadOnlyList<string> memberIds)
    {
        var members = memberIds.ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            var tracked = rooms.TryGetValue(roomId, out var room) ? room.Users : [];
            var excluded = tracked.Where(u => !members.Contains(u)).SelectMany(u => users[u].Connections).ToList();
            var extra = members.Where(u => users.ContainsKey(u) && !tracked.Contains(u)).Select(HubGroups.User).ToList();
            return new MessageAudience(HubGroups.Room(roomId), excluded, extra);
        }
    }

    // Whether a room snapshot is older than (or as old as) one already applied while local users were in the room.
    public bool IsStale(string roomId, long version)
    {
        lock (gate)
            return rooms.TryGetValue(roomId, out var room) && version <= room.Version;
    }

    // Remembers the newest applied room version, as long as local users are in the room (then it is forgotten with
    // the room, which keeps memory bounded).
    public void RecordVersion(string roomId, long version)
    {
        lock (gate)
        {
            if (rooms.TryGetValue(roomId, out var room) && version > room.Version)
                room.Version = version;
        }
    }

    // Every local user with their connection ids (for presence heartbeats).
    public IReadOnlyList<(string UserId, IReadOnlyList<string> ConnectionIds)> Snapshot()
    {
        lock (gate)
            return users.Select(u => (u.Key, (IReadOnlyList<string>)[.. u.Value.Connections])).ToList();
    }

    private void Untrack(string roomId, string userId)
    {
        if (rooms.TryGetValue(roomId, out var room) && room.Users.Remove(userId) && room.Users.Count == 0)
            rooms.Remove(roomId);
    }

    private sealed class LocalUser
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Rooms { get; } = new(StringComparer.Ordinal);
    }

    private sealed class LocalRoom
    {
        public HashSet<string> Users { get; } = new(StringComparer.Ordinal);
        public long Version { get; set; }
    }
}
