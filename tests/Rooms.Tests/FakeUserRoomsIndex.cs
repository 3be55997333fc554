using ChatDapr.Rooms.Actors;

namespace ChatDapr.Rooms.Tests;

// Records the room actor's index updates as (user → rooms) and in call order; can fail on demand.
internal sealed class FakeUserRoomsIndex : IUserRoomsIndex
{
    private readonly Dictionary<string, List<string>> rooms = new();
    private readonly List<string> calls = new();
    private readonly Lock gate = new();

    // Runs before a call is applied, e.g. to check what was persisted or published at that moment.
    public Action? OnCall { get; set; }

    // While set, every call throws it and changes nothing (the UserRoomsActor is unreachable).
    public Exception? FailWith { get; set; }

    // "add:{room}:{user}" / "remove:{room}:{user}", in order.
    public IReadOnlyList<string> Calls { get { lock (gate) return calls.ToList(); } }

    public IReadOnlyList<string> RoomsOf(string userId)
    {
        lock (gate) return rooms.TryGetValue(userId, out var list) ? list.ToList() : [];
    }

    public Task AddAsync(string roomId, IReadOnlyCollection<string> userIds) =>
        Apply("add", roomId, userIds, list => { if (!list.Contains(roomId)) list.Add(roomId); });

    public Task RemoveAsync(string roomId, IReadOnlyCollection<string> userIds) =>
        Apply("remove", roomId, userIds, list => list.Remove(roomId));

    private Task Apply(string kind, string roomId, IReadOnlyCollection<string> userIds, Action<List<string>> change)
    {
        OnCall?.Invoke();
        if (FailWith is { } failure)
            throw failure;
        lock (gate)
        {
            foreach (var userId in userIds)
            {
                calls.Add($"{kind}:{roomId}:{userId}");
                if (!rooms.TryGetValue(userId, out var list))
                    rooms[userId] = list = [];
                change(list);
            }
        }
        return Task.CompletedTask;
    }
}
