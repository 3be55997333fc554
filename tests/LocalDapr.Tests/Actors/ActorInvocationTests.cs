using System.Text;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.State;
using Dapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorInvocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TypedProxy_IncrementTwice_StatePersistsAcrossCalls()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, "actors-" + Guid.NewGuid().ToString("N")[..8], "a");
        var actor = node.Counter("c1");

        (await actor.IncrementAsync(2).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(2);
        (await actor.IncrementAsync(3).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(5);
        (await actor.GetAsync().WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(5);
    }

    [Fact]
    public async Task ActorState_Saved_StoredUnderAppIdTypeIdKey()
    {
        var appId = "actors-" + Guid.NewGuid().ToString("N")[..8];
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, appId, "a");

        await node.Counter("k1").IncrementAsync(7).WaitAsync(ActorNode.Timeout, Ct);

        var store = node.Sidecar.Services.GetRequiredService<ComponentCatalog>().ActorStateStore!;
        var item = await store.GetAsync(StateKeys.ForActor(appId, ActorNode.ActorType, "k1", "count"), Ct);
        item.ShouldNotBeNull();
        Encoding.UTF8.GetString(item.Value).ShouldBe("7");
        $"{appId}||{ActorNode.ActorType}||k1||count".ShouldBe(StateKeys.ForActor(appId, ActorNode.ActorType, "k1", "count"));
    }

    [Fact]
    public async Task WeaklyTypedProxy_InvokeMethod_RoundTrips()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, "actors-" + Guid.NewGuid().ToString("N")[..8], "a");
        var proxy = node.Proxies.Create(new ActorId("w1"), ActorNode.ActorType);

        (await proxy.InvokeMethodAsync<int, int>(nameof(ICounterActor.IncrementAsync), 4, Ct).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(4);
        (await proxy.InvokeMethodAsync<int, int>(nameof(ICounterActor.IncrementAsync), 6, Ct).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(10);
        (await node.Counter("w1").GetAsync().WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(10);
    }

    [Fact]
    public async Task Metadata_AfterCalls_ReportsActiveActorsPerType()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, "actors-" + Guid.NewGuid().ToString("N")[..8], "a");
        await node.Counter("m1").IncrementAsync(1).WaitAsync(ActorNode.Timeout, Ct);
        await node.Counter("m2").IncrementAsync(1).WaitAsync(ActorNode.Timeout, Ct);
        using var client = LocalSidecar.Client(node.Sidecar);

        var metadata = await client.GetMetadataAsync(Ct).WaitAsync(ActorNode.Timeout, Ct);

        metadata.Actors.Single(a => a.Type == ActorNode.ActorType).Count.ShouldBe(2);
    }

    [Fact]
    public async Task TypedProxy_ActorThrows_ActorMethodInvocationException()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, "actors-" + Guid.NewGuid().ToString("N")[..8], "a");

        var error = await Should.ThrowAsync<ActorMethodInvocationException>(
            () => node.Counter("f1").FailAsync("boom-42").WaitAsync(ActorNode.Timeout, Ct));

        error.InnerException.ShouldNotBeNull();
        error.InnerException.Message.ShouldContain("boom-42");
    }
}
