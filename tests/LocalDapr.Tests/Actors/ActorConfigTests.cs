using System.Text.Json;
using ChatDapr.LocalDapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorConfigTests
{
    private static ActorConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ActorConfig.Parse(doc.RootElement.Clone());
    }

    [Fact]
    public void Parse_SdkConfig_ReadsEverySetting()
    {
        var config = Parse("""
            {"entities":["A","B"],"actorIdleTimeout":"0h5m0s0ms","actorScanInterval":"0h0m10s0ms","drainOngoingCallTimeout":"0h0m20s0ms",
             "drainRebalancedActors":false,"reentrancy":{"enabled":true,"maxStackDepth":7},
             "entitiesConfig":[{"entities":["B"],"actorIdleTimeout":"0h0m1s0ms","reentrancy":{"enabled":false}}]}
            """);

        config.Entities.ShouldBe(["A", "B"]);
        config.ScanInterval.ShouldBe(TimeSpan.FromSeconds(10));
        var a = config.For("A");
        a.IdleTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        a.DrainOngoingCallTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        a.DrainRebalancedActors.ShouldBeFalse();
        a.ReentrancyEnabled.ShouldBeTrue();
        a.MaxStackDepth.ShouldBe(7);
        var b = config.For("B");
        b.IdleTimeout.ShouldBe(TimeSpan.FromSeconds(1));
        b.DrainOngoingCallTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        b.ReentrancyEnabled.ShouldBeFalse();
    }

    [Fact]
    public void Parse_MissingValues_DaprDefaults()
    {
        var config = Parse("""{"Entities":["A"],"reentrancy":{"enabled":true}}""");

        config.Entities.ShouldBe(["A"]);
        config.ScanInterval.ShouldBe(TimeSpan.FromSeconds(30));
        config.For("A").IdleTimeout.ShouldBe(TimeSpan.FromMinutes(60));
        config.For("A").MaxStackDepth.ShouldBe(32);
        config.For("A").ReentrancyEnabled.ShouldBeTrue();
    }

    [Fact]
    public void Parse_NoConfig_Empty()
    {
        ActorConfig.Parse(null).Entities.ShouldBeEmpty();
        Parse("[]").Entities.ShouldBeEmpty();
        Parse("""{"actorIdleTimeout":"not a duration"}""").For("X").IdleTimeout.ShouldBe(TimeSpan.FromMinutes(60));
    }
}
