using ChatDapr.LocalDapr.Cluster;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Cluster;

public sealed class PlacementHashTests
{
    private static SidecarInstance Host(string id) => new(id, "app", "127.0.0.1", 1, 2, 3, ["T"]);

    private static readonly string[] ActorIds = Enumerable.Range(0, 2000).Select(i => $"actor-{i}").ToArray();

    [Fact]
    public void Owner_SameInputsInAnyOrder_SameOwner()
    {
        var hosts = new[] { Host("a"), Host("b"), Host("c") };
        var reversed = hosts.Reverse().ToArray();

        ActorIds.ShouldAllBe(id => PlacementHash.Owner("T", id, hosts)!.InstanceId == PlacementHash.Owner("T", id, reversed)!.InstanceId);
    }

    [Fact]
    public void Weight_KnownInput_StableAcrossProcesses()
    {
        // XxHash64 of fixed bytes never changes, unlike string.GetHashCode (randomised per process).
        PlacementHash.Weight("T", "1", "a").ShouldBe(PlacementHash.Weight("T", "1", "a"));
        PlacementHash.Weight("T", "1", "a").ShouldNotBe(PlacementHash.Weight("T", "1", "b"));
        PlacementHash.Weight("T", "1", "a").ShouldBe(System.IO.Hashing.XxHash64.HashToUInt64("T\01\0a"u8));
    }

    [Fact]
    public void Owner_ThreeHosts_SpreadsActorsEvenly()
    {
        var hosts = new[] { Host("a"), Host("b"), Host("c") };

        var counts = ActorIds.GroupBy(id => PlacementHash.Owner("T", id, hosts)!.InstanceId).ToDictionary(g => g.Key, g => g.Count());

        counts.Count.ShouldBe(3);
        counts.Values.ShouldAllBe(n => n > ActorIds.Length / 3 * 0.8 && n < ActorIds.Length / 3 * 1.2);
    }

    [Fact]
    public void Owner_HostLeaves_OnlyItsActorsMove()
    {
        var before = new[] { Host("a"), Host("b"), Host("c") };
        var after = new[] { Host("a"), Host("c") };

        foreach (var id in ActorIds)
        {
            var old = PlacementHash.Owner("T", id, before)!.InstanceId;
            var now = PlacementHash.Owner("T", id, after)!.InstanceId;
            if (old != "b")
                now.ShouldBe(old);
        }
    }

    [Fact]
    public void Owner_HostJoins_ActorsMoveOnlyToTheNewHost()
    {
        var before = new[] { Host("a"), Host("b") };
        var after = new[] { Host("a"), Host("b"), Host("c") };

        var moved = 0;
        foreach (var id in ActorIds)
        {
            var old = PlacementHash.Owner("T", id, before)!.InstanceId;
            var now = PlacementHash.Owner("T", id, after)!.InstanceId;
            if (now != old)
            {
                now.ShouldBe("c");
                moved++;
            }
        }
        moved.ShouldBeInRange(ActorIds.Length / 3 * 8 / 10, ActorIds.Length / 3 * 12 / 10);
    }

    [Fact]
    public void Owner_NoHosts_Null() => PlacementHash.Owner("T", "x", []).ShouldBeNull();
}
