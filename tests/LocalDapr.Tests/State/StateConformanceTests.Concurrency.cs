using Dapr;
using Dapr.Client;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>The optimistic-concurrency half of the conformance suite: ETags, first/last-write and transactions.</summary>
public abstract partial class StateConformanceTests
{
    [Fact]
    public async Task TrySaveStateAsync_StaleETag_ReturnsFalseAndKeepsValue()
    {
        await using var t = await StartAsync();
        var key = NewKey("etag");
        await t.Client.SaveStateAsync(Store, key, "v1", cancellationToken: t.Ct);
        var (_, stale) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, key, "v2", cancellationToken: t.Ct);

        (await t.Client.TrySaveStateAsync(Store, key, "v3", stale, cancellationToken: t.Ct)).ShouldBeFalse();

        (await t.Client.GetStateAsync<string>(Store, key, cancellationToken: t.Ct)).ShouldBe("v2");
    }

    [Fact]
    public async Task TrySaveStateAsync_FreshETag_ReturnsTrueAndChangesETag()
    {
        await using var t = await StartAsync();
        var key = NewKey("etag");
        await t.Client.SaveStateAsync(Store, key, "v1", cancellationToken: t.Ct);
        var (_, fresh) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);

        (await t.Client.TrySaveStateAsync(Store, key, "v2", fresh, cancellationToken: t.Ct)).ShouldBeTrue();

        var (value, etag) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);
        value.ShouldBe("v2");
        etag.ShouldNotBe(fresh);
    }

    [Fact]
    public async Task TryDeleteStateAsync_StaleETag_ReturnsFalseThenFreshETagDeletes()
    {
        await using var t = await StartAsync();
        var key = NewKey("etag-delete");
        await t.Client.SaveStateAsync(Store, key, "v1", cancellationToken: t.Ct);
        var (_, stale) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, key, "v2", cancellationToken: t.Ct);

        (await t.Client.TryDeleteStateAsync(Store, key, stale, cancellationToken: t.Ct)).ShouldBeFalse();
        (await t.Client.GetStateAsync<string>(Store, key, cancellationToken: t.Ct)).ShouldBe("v2");

        var (_, fresh) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);
        (await t.Client.TryDeleteStateAsync(Store, key, fresh, cancellationToken: t.Ct)).ShouldBeTrue();
        (await t.Client.GetStateAsync<string>(Store, key, cancellationToken: t.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveStateAsync_FirstWriteWithoutETagConcurrently_ExactlyOneWriterWins()
    {
        await using var t = await StartAsync();
        var key = NewKey("first-write");
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await t.Client.SaveStateAsync(Store, key, i, firstWrite, cancellationToken: t.Ct);
                return (Won: true, Code: StatusCode.OK);
            }
            catch (DaprException e) when (e.InnerException is RpcException rpc)
            {
                return (Won: false, Code: rpc.StatusCode);
            }
        });
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Won).ShouldBe(1);
        results.Where(r => !r.Won).ShouldAllBe(r => r.Code == StatusCode.Aborted);
    }

    [Fact]
    public async Task TrySaveStateAsync_FirstWriteWithSameETagConcurrently_ExactlyOneWins()
    {
        await using var t = await StartAsync();
        var key = NewKey("first-write-etag");
        await t.Client.SaveStateAsync(Store, key, 0, cancellationToken: t.Ct);
        var (_, etag) = await t.Client.GetStateAndETagAsync<int>(Store, key, cancellationToken: t.Ct);
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            t.Client.TrySaveStateAsync(Store, key, i, etag, firstWrite, cancellationToken: t.Ct)));

        results.Count(won => won).ShouldBe(1);
        (await t.Client.GetStateAsync<int>(Store, key, cancellationToken: t.Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SaveStateAsync_LastWriteWithStaleETag_Succeeds()
    {
        await using var t = await StartAsync();
        var key = NewKey("last-write");
        await t.Client.SaveStateAsync(Store, key, "v1", cancellationToken: t.Ct);
        var (_, stale) = await t.Client.GetStateAndETagAsync<string>(Store, key, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, key, "v2", cancellationToken: t.Ct);

        var saved = await t.Client.TrySaveStateAsync(Store, key, "v3", stale, new StateOptions { Concurrency = ConcurrencyMode.LastWrite }, cancellationToken: t.Ct);

        saved.ShouldBeTrue();
        (await t.Client.GetStateAsync<string>(Store, key, cancellationToken: t.Ct)).ShouldBe("v3");
    }

    [Fact]
    public async Task ExecuteStateTransactionAsync_UpsertsAndDelete_AppliedTogether()
    {
        await using var t = await StartAsync();
        var (a, b, c) = (NewKey("tx-a"), NewKey("tx-b"), NewKey("tx-c"));
        await t.Client.SaveStateAsync(Store, c, "old", cancellationToken: t.Ct);

        await t.Client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest(a, Json("A"), StateOperationType.Upsert),
            new StateTransactionRequest(b, Json("B"), StateOperationType.Upsert),
            new StateTransactionRequest(c, null, StateOperationType.Delete),
        ], cancellationToken: t.Ct);

        (await t.Client.GetStateAsync<string>(Store, a, cancellationToken: t.Ct)).ShouldBe("A");
        (await t.Client.GetStateAsync<string>(Store, b, cancellationToken: t.Ct)).ShouldBe("B");
        (await t.Client.GetStateAsync<string>(Store, c, cancellationToken: t.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ExecuteStateTransactionAsync_OneStaleETag_AbortsEveryOperation()
    {
        await using var t = await StartAsync();
        var (a, b, c) = (NewKey("tx-a"), NewKey("tx-b"), NewKey("tx-c"));
        await t.Client.SaveStateAsync(Store, b, "b1", cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, c, "keep", cancellationToken: t.Ct);
        var (_, stale) = await t.Client.GetStateAndETagAsync<string>(Store, b, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, b, "b2", cancellationToken: t.Ct);

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest(a, Json("A"), StateOperationType.Upsert),
            new StateTransactionRequest(c, null, StateOperationType.Delete),
            new StateTransactionRequest(b, Json("B"), StateOperationType.Upsert, etag: stale),
        ], cancellationToken: t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.Aborted);
        (await t.Client.GetStateAsync<string>(Store, a, cancellationToken: t.Ct)).ShouldBeNull();
        (await t.Client.GetStateAsync<string>(Store, b, cancellationToken: t.Ct)).ShouldBe("b2");
        (await t.Client.GetStateAsync<string>(Store, c, cancellationToken: t.Ct)).ShouldBe("keep");
    }
}
