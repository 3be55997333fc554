using ChatDapr.Gateway.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void TryTake_BurstExhausted_RefusesUntilRefilled()
    {
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 2, time.GetTimestamp());

        Enumerable.Range(0, 3).Select(_ => bucket.TryTake(time.GetTimestamp(), time)).ShouldAllBe(taken => taken);
        bucket.TryTake(time.GetTimestamp(), time).ShouldBeFalse();

        time.Advance(TimeSpan.FromMilliseconds(400));
        bucket.TryTake(time.GetTimestamp(), time).ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(100));
        bucket.TryTake(time.GetTimestamp(), time).ShouldBeTrue();
    }

    [Fact]
    public void TryTake_LongIdle_RefillsOnlyUpToCapacity()
    {
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 10, time.GetTimestamp());
        bucket.TryTake(time.GetTimestamp(), time);

        time.Advance(TimeSpan.FromHours(1));

        bucket.IsFull(time.GetTimestamp(), time).ShouldBeTrue();
        Enumerable.Range(0, 3).Count(_ => bucket.TryTake(time.GetTimestamp(), time)).ShouldBe(2);
    }

    [Fact]
    public void TryAcquire_TwoUsers_SeparateBudgets()
    {
        var limiter = new SendRateLimiter(Options.Create(new RateLimitOptions { SendBurst = 2, SendsPerSecond = 1 }), time);

        limiter.TryAcquire("alice").ShouldBeTrue();
        limiter.TryAcquire("alice").ShouldBeTrue();
        limiter.TryAcquire("alice").ShouldBeFalse();

        limiter.TryAcquire("bob").ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire("alice").ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_ManyIdleUsers_FullBucketsPruned()
    {
        var limiter = new SendRateLimiter(Options.Create(new RateLimitOptions { SendBurst = 5, SendsPerSecond = 5 }), time);
        for (var i = 0; i <= SendRateLimiter.PruneThreshold; i++)
            limiter.TryAcquire("user" + i);

        time.Advance(TimeSpan.FromSeconds(2));
        limiter.TryAcquire("late");

        limiter.Count.ShouldBe(1);
    }
}
