using ChatDapr.Gateway.Chat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class TypingThrottleTests
{
    private readonly FakeTimeProvider time = new();

    private TypingThrottle Throttle() => new(Options.Create(new TypingOptions { Interval = TimeSpan.FromSeconds(3) }), time);

    [Fact]
    public void TryEnter_WithinInterval_OnlyFirstPasses()
    {
        var throttle = Throttle();

        throttle.TryEnter("alice", "r1").ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(2.9));
        throttle.TryEnter("alice", "r1").ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));
        throttle.TryEnter("alice", "r1").ShouldBeTrue();
    }

    [Fact]
    public void TryEnter_OtherRoomOrUser_NotThrottled()
    {
        var throttle = Throttle();
        throttle.TryEnter("alice", "r1");

        throttle.TryEnter("alice", "r2").ShouldBeTrue();
        throttle.TryEnter("bob", "r1").ShouldBeTrue();
    }
}
