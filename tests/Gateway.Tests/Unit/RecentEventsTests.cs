using ChatDapr.Gateway.Fanout;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class RecentEventsTests
{
    [Fact]
    public void Add_ThenContains_True()
    {
        var recent = new RecentEvents();

        recent.Contains("r1/seq/1").ShouldBeFalse();
        recent.Add("r1/seq/1");

        recent.Contains("r1/seq/1").ShouldBeTrue();
    }

    [Fact]
    public void Add_BeyondCapacity_OldestForgotten()
    {
        var recent = new RecentEvents();
        for (var i = 0; i <= RecentEvents.Capacity; i++)
            recent.Add("e" + i);

        recent.Contains("e0").ShouldBeFalse();
        recent.Contains("e1").ShouldBeTrue();
        recent.Contains("e" + RecentEvents.Capacity).ShouldBeTrue();
    }
}
