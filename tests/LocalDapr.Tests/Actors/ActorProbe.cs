using System.Collections.Concurrent;

namespace ChatDapr.LocalDapr.Tests.Actors;

/// <summary>What the actors of one app instance observed: counters, served ids, concurrency and arrival order.</summary>
public sealed class ActorProbe(string instanceName)
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _maxInFlight;

    public string InstanceName { get; } = instanceName;

    /// <summary>Actor id → how many calls this instance served for it.</summary>
    public ConcurrentDictionary<string, int> ServedIds { get; } = new();

    /// <summary>Tags passed to WorkAsync, in the order the calls entered the actor.</summary>
    public ConcurrentQueue<int> Order { get; } = new();

    /// <summary>Open by default; a test closes it to hold WorkAsync calls inside their turn.</summary>
    public TaskCompletionSource Gate { get; set; } = Open();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int CountOf(string key) => _counts.TryGetValue(key, out var n) ? n : 0;

    public void Count(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Served(string actorId) => ServedIds.AddOrUpdate(actorId, 1, (_, n) => n + 1);

    public void Enter(string actorId, int tag)
    {
        Order.Enqueue(tag);
        var now = _inFlight.AddOrUpdate(actorId, 1, (_, n) => n + 1);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    public void Exit(string actorId) => _inFlight.AddOrUpdate(actorId, 0, (_, n) => n - 1);

    public static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public static TaskCompletionSource Closed() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
