using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.RateLimiting;

// Per-user send limit on this instance. A user connected to several instances gets a bucket on each; the limit is
// meant to stop floods from one client, which sit on one connection.
public sealed class SendRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    // Full buckets are dropped once there are more than this many (a full bucket equals a fresh one), at most once
    // per PruneInterval so that many busy users do not make every call scan the map.
    public const int PruneThreshold = 10_000;
    public static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);
    private long lastPrune;

    public bool TryAcquire(string userId)
    {
        var now = time.GetTimestamp();
        var bucket = buckets.GetOrAdd(userId, _ => new TokenBucket(options.Value.SendBurst, options.Value.SendsPerSecond, now));
        bool taken;
        lock (bucket)
            taken = bucket.TryTake(now, time);
        var previous = Interlocked.Read(ref lastPrune);
        if (buckets.Count > PruneThreshold && time.GetElapsedTime(previous, now) >= PruneInterval
            && Interlocked.CompareExchange(ref lastPrune, now, previous) == previous)
            Prune(now);
        return taken;
    }

    public int Count => buckets.Count;

    private void Prune(long now)
    {
        foreach (var (userId, bucket) in buckets)
        {
            lock (bucket)
            {
                if (bucket.IsFull(now, time))
                    buckets.TryRemove(new KeyValuePair<string, TokenBucket>(userId, bucket));
            }
        }
    }
}
