using ChatDapr.LocalDapr.Actors;
using ChatDapr.Testing;
using Dapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AppId() => "turns-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TwentyParallelCalls_OneActor_NeverOverlap()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a");
        var actor = node.Counter("p1");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => actor.WorkAsync(i))).WaitAsync(ActorNode.Timeout, Ct);

        results.Order().ShouldBe(Enumerable.Range(0, 20));
        node.Probe.Order.Count.ShouldBe(20);
        node.Probe.MaxInFlight.ShouldBe(1);
    }

    [Fact]
    public async Task QueuedCalls_OneActor_ServedInArrivalOrder()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a");
        var table = node.Sidecar.Services.GetRequiredService<ActorTable>();
        node.Probe.Gate = ActorProbe.Closed();
        var actor = node.Counter("fifo");

        var calls = new List<Task<int>> { actor.WorkAsync(0) };
        await Poll.UntilAsync(() => node.Probe.Order.Count == 1, "the first call holds the turn");
        for (var i = 1; i < 20; i++)
        {
            calls.Add(actor.WorkAsync(i));
            var queued = i;
            // Start the next call only once this one waits in the sidecar: that fixes the arrival order.
            await Poll.UntilAsync(() => table.Find(new ActorKey(ActorNode.ActorType, "fifo"))?.Turns.Waiting == queued, $"{queued} calls wait for the turn");
        }
        node.Probe.Gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(ActorNode.Timeout, Ct);

        node.Probe.Order.ShouldBe(Enumerable.Range(0, 20));
        node.Probe.MaxInFlight.ShouldBe(1);
    }

    [Fact]
    public async Task DifferentActors_OneBlocked_OtherStillServed()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a");
        node.Probe.Gate = ActorProbe.Closed();

        var blocked = node.Counter("blocked").WorkAsync(1);
        await Poll.UntilAsync(() => node.Probe.Order.Count == 1, "the first actor is inside its turn");
        var other = await node.Counter("free").IncrementAsync(1).WaitAsync(ActorNode.Timeout, Ct);

        other.ShouldBe(1);
        blocked.IsCompleted.ShouldBeFalse();
        node.Probe.Gate.SetResult();
        (await blocked.WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task SelfCall_ReentrancyEnabled_EntersOwnTurn()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a",
            o => o.ReentrancyConfig = new ActorReentrancyConfig { Enabled = true, MaxStackDepth = 8 });

        (await node.Counter("re").RecurseAsync(3).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task SelfCall_DeeperThanMaxStackDepth_Fails()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a",
            o => o.ReentrancyConfig = new ActorReentrancyConfig { Enabled = true, MaxStackDepth = 3 });

        await Should.ThrowAsync<ActorMethodInvocationException>(() => node.Counter("deep").RecurseAsync(6).WaitAsync(ActorNode.Timeout, Ct));
    }
}
