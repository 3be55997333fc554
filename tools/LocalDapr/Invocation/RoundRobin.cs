using System.Collections.Concurrent;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>Spreads calls over the instances of each app id, in turn.</summary>
public sealed class RoundRobin
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>The index to start from for the next call to <paramref name="appId"/> among <paramref name="count"/> instances.</summary>
    public int Next(string appId, int count)
    {
        var box = _counters.GetOrAdd(appId, _ => new Counter());
        var n = Interlocked.Increment(ref box.Value) & int.MaxValue;
        return n % count;
    }

    private sealed class Counter
    {
        public int Value = -1;
    }
}
