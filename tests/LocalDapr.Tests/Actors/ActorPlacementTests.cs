using ChatDapr.LocalDapr.Actors;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorPlacementTests
{
    private const int ActorCount = 50;
    private static readonly string[] Ids = Enumerable.Range(0, ActorCount).Select(i => $"p{i}").ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AppId() => "place-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TwoInstances_InProcessRegistry_EachActorOnExactlyOneAndMovesWhenOneStops()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        var appId = AppId();
        await using var a = await ActorNode.StartAsync(sidecars, appId, "a");
        await using var b = await ActorNode.StartAsync(sidecars, appId, "b");
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 2);

        await AssertSingleActivationAsync(a, b);
        // One registry, one process: calls for the other instance's actors ran on its runtime, not over HTTP.
        Relayed(a).ShouldBe(0);
        Relayed(b).ShouldBe(0);

        await a.DisposeAsync();
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 1);
        await AssertAllServedByAsync(b);
    }

    private static long Relayed(ActorNode node) => node.Sidecar.Services.GetRequiredService<ActorForwarder>().Relayed;

    [Fact]
    public async Task TwoInstances_FileRegistries_EachActorOnExactlyOneAndMovesWhenOneStops()
    {
        var root = Directory.CreateTempSubdirectory("actors-file-registry-");
        try
        {
            var resources = Directory.CreateDirectory(Path.Combine(root.FullName, "resources")).FullName;
            File.WriteAllText(Path.Combine(resources, "state.yaml"), Components.SqliteState(Path.Combine(root.FullName, "state.db")));
            var registryDir = Path.Combine(root.FullName, "registry");
            // One registry (and one component pool) per sidecar, as if each ran in its own process.
            await using var registryA = new FileClusterRegistry(registryDir);
            await using var registryB = new FileClusterRegistry(registryDir);
            var appId = AppId();
            Func<int, Task<SidecarHost>> Start(IClusterRegistry registry) => port => SidecarHost.StartAsync(
                new SidecarOptions { AppId = appId, AppPort = port, ResourcesPaths = [resources], AppStartTimeout = ActorNode.Timeout },
                new SidecarEnvironment(registry, new ComponentPool()));
            static Task Stop(SidecarHost host) => host.DisposeAsync().AsTask();

            await using var a = await ActorNode.StartAsync(Start(registryA), Stop, "a");
            await using var b = await ActorNode.StartAsync(Start(registryB), Stop, "b");
            await ActorNode.WaitForHostsAsync(registryA, 2);
            await ActorNode.WaitForHostsAsync(registryB, 2);

            await AssertSingleActivationAsync(a, b);
            // Separate registries stand for separate processes: the other instance is reached over HTTP.
            (Relayed(a) + Relayed(b)).ShouldBeGreaterThan(0);

            await a.DisposeAsync();
            await ActorNode.WaitForHostsAsync(registryB, 1);
            await AssertAllServedByAsync(b);
        }
        finally
        {
            try { root.Delete(recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task SecondInstanceJoins_ActorsItNowOwns_DeactivatedOnFirst()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        var appId = AppId();
        await using var a = await ActorNode.StartAsync(sidecars, appId, "a");
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 1);
        foreach (var id in Ids)
            (await a.Counter(id).WhoAmIAsync().WaitAsync(ActorNode.Timeout, Ct)).ShouldBe("a");

        await using var b = await ActorNode.StartAsync(sidecars, appId, "b");
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 2);
        var placement = a.Sidecar.Services.GetRequiredService<PlacementTable>();
        var moved = Ids.Where(id => placement.OwnerOf(ActorNode.ActorType, id)!.InstanceId == b.Sidecar.Options.InstanceId).ToList();

        moved.ShouldNotBeEmpty();
        await Poll.UntilAsync(() => moved.All(id => a.Probe.CountOf($"{id}/deactivated") == 1), "the first instance deactivated the actors that moved");
        Ids.Except(moved).ShouldAllBe(id => a.Probe.CountOf($"{id}/deactivated") == 0);
        foreach (var id in moved)
            (await a.Counter(id).WhoAmIAsync().WaitAsync(ActorNode.Timeout, Ct)).ShouldBe("b");
    }

    [Fact]
    public async Task Reminders_TwoInstances_FireOnlyOnOwnerAndFollowOwnershipWhenOneStops()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        var appId = AppId();
        await using var a = await ActorNode.StartAsync(sidecars, appId, "a");
        await using var b = await ActorNode.StartAsync(sidecars, appId, "b");
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 2);
        var ids = Ids.Take(10).ToArray();

        foreach (var id in ids)
            await a.Counter(id).StartReminderAsync("beat", 100).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => ids.All(id => a.Probe.CountOf($"{id}/reminder/beat") + b.Probe.CountOf($"{id}/reminder/beat") >= 3),
            "every reminder fired three times");

        foreach (var id in ids)
            (a.Probe.CountOf($"{id}/reminder/beat") == 0 || b.Probe.CountOf($"{id}/reminder/beat") == 0).ShouldBeTrue($"reminder of {id} fired on one instance only");
        var onA = ids.Where(id => a.Probe.CountOf($"{id}/reminder/beat") > 0).ToList();
        onA.ShouldNotBeEmpty();

        await a.DisposeAsync();
        await Poll.UntilAsync(() => onA.All(id => b.Probe.CountOf($"{id}/reminder/beat") >= 2), "the survivor fires the reminders of the stopped instance");
    }

    /// <summary>Calls every id through both sidecars: each id must be served by one instance only, and both must serve some.</summary>
    private static async Task AssertSingleActivationAsync(ActorNode a, ActorNode b)
    {
        var answers = await Task.WhenAll(Ids.Select(async (id, i) =>
        {
            var first = i % 2 == 0 ? a : b;
            var second = first == a ? b : a;
            var one = await first.Counter(id).WhoAmIAsync();
            var two = await second.Counter(id).WhoAmIAsync();
            return (id, one, two);
        })).WaitAsync(ActorNode.Timeout, Ct);

        answers.ShouldAllBe(x => x.one == x.two);
        foreach (var id in Ids)
            (a.Probe.ServedIds.ContainsKey(id) ^ b.Probe.ServedIds.ContainsKey(id)).ShouldBeTrue($"actor {id} must be active on exactly one instance");
        a.Probe.ServedIds.Count.ShouldBeGreaterThan(0);
        b.Probe.ServedIds.Count.ShouldBeGreaterThan(0);
    }

    private static async Task AssertAllServedByAsync(ActorNode survivor)
    {
        var owners = await Task.WhenAll(Ids.Select(id => survivor.Counter(id).WhoAmIAsync())).WaitAsync(ActorNode.Timeout, Ct);
        owners.ShouldAllBe(o => o == survivor.Probe.InstanceName);
        survivor.Probe.ServedIds.Keys.Order().ShouldBe(Ids.Order());
    }
}
