namespace ChatDapr.Gateway.RateLimiting;

// A token bucket: holds up to Capacity tokens, regains RefillPerSecond continuously, and a call takes one token.
// Not thread-safe; the limiter serialises access per bucket.
public sealed class TokenBucket(double capacity, double refillPerSecond, long startTimestamp)
{
    private readonly double capacity = capacity;
    private double tokens = capacity;
    private long updatedAt = startTimestamp;

    public bool TryTake(long now, TimeProvider time)
    {
        Refill(now, time);
        if (tokens < 1)
            return false;
        tokens -= 1;
        return true;
    }

    // A full bucket behaves exactly like a new one, so it can be forgotten.
    public bool IsFull(long now, TimeProvider time)
    {
        Refill(now, time);
        return tokens >= capacity;
    }

    private void Refill(long now, TimeProvider time)
    {
        if (now <= updatedAt)
            return;
        tokens = Math.Min(capacity, tokens + time.GetElapsedTime(updatedAt, now).TotalSeconds * refillPerSecond);
        updatedAt = now;
    }
}
