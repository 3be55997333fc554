using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Connections;

// A directory learnt from the room-updated snapshots this instance receives on chat-fanout. Every instance receives
// every snapshot (and a new instance first receives what the broker still retains), so each one knows the rooms of
// all users without a store of its own; it forgets them when the process ends. It holds every room in memory, so
// it suits development and tests; a per-user index in the rooms service replaces it behind IUserRoomsDirectory.
public sealed class ObservedUserRoomsDirectory : IUserRoomsDirectory
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Version, string[] Members)> rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> roomsOfUser = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> GetRoomIdsAsync(string userId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<string> ids = roomsOfUser.TryGetValue(userId, out var set) ? [.. set] : [];
            return Task.FromResult(ids);
        }
    }

    public void Observe(Room room, long version)
    {
        lock (gate)
        {
            if (rooms.TryGetValue(room.RoomId, out var known))
            {
                if (version <= known.Version)
                    return;
                foreach (var userId in known.Members)
                    Remove(userId, room.RoomId);
            }
            var members = room.Members.Select(m => m.UserId).ToArray();
            rooms[room.RoomId] = (version, members);
            foreach (var userId in members)
            {
                if (!roomsOfUser.TryGetValue(userId, out var set))
                    roomsOfUser[userId] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(room.RoomId);
            }
        }
    }

    private void Remove(string userId, string roomId)
    {
        if (roomsOfUser.TryGetValue(userId, out var set) && set.Remove(roomId) && set.Count == 0)
            roomsOfUser.Remove(userId);
    }
}
