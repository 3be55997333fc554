using System.Text;
using ChatDapr.Testing;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

public sealed record Order(string Id, int Quantity, List<string> Items);

/// <summary>
/// The state building block as the official DaprClient sees it, written once and run against every state
/// component (one subclass per component type).
/// </summary>
public abstract partial class StateConformanceTests
{
    protected const string Store = "statestore";

    /// <summary>Component YAML for a store named <see cref="Store"/>.</summary>
    protected abstract Task<string> ComponentYamlAsync();

    /// <summary>The stored bytes and ETag under the full (prefixed) key, read from the store's own storage.</summary>
    protected abstract Task<(byte[] Data, string ETag)?> ReadRawAsync(StateTestHost test, string fullKey);

    protected async Task<StateTestHost> StartAsync() => await StateTestHost.StartAsync(await ComponentYamlAsync());

    protected static string NewKey(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task SaveStateAsync_TypedObject_RoundTrips()
    {
        await using var t = await StartAsync();
        var order = new Order("o-1", 3, ["apple", "pear"]);
        var key = NewKey("order");

        await t.Client.SaveStateAsync(Store, key, order, cancellationToken: t.Ct);

        var read = await t.Client.GetStateAsync<Order>(Store, key, cancellationToken: t.Ct);
        read.ShouldNotBeNull();
        read.Id.ShouldBe("o-1");
        read.Quantity.ShouldBe(3);
        read.Items.ShouldBe(["apple", "pear"]);
    }

    [Fact]
    public async Task GetStateAsync_MissingKey_ReturnsDefault()
    {
        await using var t = await StartAsync();

        (await t.Client.GetStateAsync<Order>(Store, NewKey("missing"), cancellationToken: t.Ct)).ShouldBeNull();
        var (value, etag) = await t.Client.GetStateAndETagAsync<int>(Store, NewKey("missing"), cancellationToken: t.Ct);
        value.ShouldBe(0);
        etag.ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task GetBulkStateAsync_ExistingAndMissingKeys_ReturnsValuesAndEmptyForMissing()
    {
        await using var t = await StartAsync();
        var (a, b, missing) = (NewKey("a"), NewKey("b"), NewKey("missing"));
        await t.Client.SaveStateAsync(Store, a, "first", cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, b, "second", cancellationToken: t.Ct);

        var items = await t.Client.GetBulkStateAsync<string>(Store, [a, b, missing], parallelism: 1, cancellationToken: t.Ct);

        items.Count.ShouldBe(3);
        items.Single(i => i.Key == a).Value.ShouldBe("first");
        items.Single(i => i.Key == b).Value.ShouldBe("second");
        items.Single(i => i.Key == a).ETag.ShouldNotBeNullOrEmpty();
        items.Single(i => i.Key == missing).Value.ShouldBeNull();
    }

    [Fact]
    public async Task DeleteStateAsync_ExistingKey_RemovesIt()
    {
        await using var t = await StartAsync();
        var key = NewKey("gone");
        await t.Client.SaveStateAsync(Store, key, 42, cancellationToken: t.Ct);

        await t.Client.DeleteStateAsync(Store, key, cancellationToken: t.Ct);

        (await t.Client.GetStateAsync<int?>(Store, key, cancellationToken: t.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveStateAsync_AnyKey_StoredUnderAppIdPrefixWithTheReportedETag()
    {
        await using var t = await StartAsync();
        var key = NewKey("layout");
        await t.Client.SaveStateAsync(Store, key, new Order("o-9", 1, []), cancellationToken: t.Ct);
        var (_, etag) = await t.Client.GetStateAndETagAsync<Order>(Store, key, cancellationToken: t.Ct);

        var raw = await ReadRawAsync(t, $"{t.AppId}||{key}");

        raw.ShouldNotBeNull();
        Encoding.UTF8.GetString(raw.Value.Data).ShouldBe("""{"id":"o-9","quantity":1,"items":[]}""");
        raw.Value.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task SaveStateAsync_TwoAppIds_DoNotSeeEachOthersKeys()
    {
        await using var t = await StartAsync();
        var (otherHost, other) = await t.StartOtherAppAsync("other-" + Guid.NewGuid().ToString("N")[..8]);
        using var _ = other;
        var (shared, onlyFirst) = (NewKey("shared"), NewKey("only-first"));

        await t.Client.SaveStateAsync(Store, shared, "first", cancellationToken: t.Ct);
        await other.SaveStateAsync(Store, shared, "second", cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, onlyFirst, "mine", cancellationToken: t.Ct);

        (await t.Client.GetStateAsync<string>(Store, shared, cancellationToken: t.Ct)).ShouldBe("first");
        (await other.GetStateAsync<string>(Store, shared, cancellationToken: t.Ct)).ShouldBe("second");
        (await other.GetStateAsync<string>(Store, onlyFirst, cancellationToken: t.Ct)).ShouldBeNull();
        otherHost.Options.AppId.ShouldNotBe(t.AppId);
    }

    [Fact]
    public async Task KeysAsync_Prefix_ListsOnlyLiveKeysWithThatPrefix()
    {
        await using var t = await StartAsync();
        var prefix = NewKey("reminders") + "-";
        await t.Client.SaveStateAsync(Store, prefix + "1", 1, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, prefix + "2", 2, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, prefix + "3", 3, cancellationToken: t.Ct);
        await t.Client.DeleteStateAsync(Store, prefix + "3", cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, NewKey("unrelated"), 4, cancellationToken: t.Ct);

        var keys = await t.Store(Store).KeysAsync($"{t.AppId}||{prefix}", t.Ct);

        keys.ShouldBe([$"{t.AppId}||{prefix}1", $"{t.AppId}||{prefix}2"], ignoreOrder: true);
    }

    [Fact]
    public async Task SaveStateAsync_TtlInSecondsMetadata_KeyExpires()
    {
        await using var t = await StartAsync();
        var (expiring, lasting) = (NewKey("ttl"), NewKey("no-ttl"));

        await t.Client.SaveStateAsync(Store, expiring, "soon gone", metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "1" }, cancellationToken: t.Ct);
        await t.Client.SaveStateAsync(Store, lasting, "stays", cancellationToken: t.Ct);

        await Poll.UntilAsync(async () => await t.Client.GetStateAsync<string>(Store, expiring, cancellationToken: t.Ct) is null,
            "the key with ttlInSeconds=1 expires", TimeSpan.FromSeconds(10));
        (await t.Client.GetStateAsync<string>(Store, lasting, cancellationToken: t.Ct)).ShouldBe("stays");
    }

    [Fact]
    public async Task SaveStateAsync_KeyWithSeparator_InvalidArgument()
    {
        await using var t = await StartAsync();

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.SaveStateAsync(Store, "a||b", 1, cancellationToken: t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task GetStateAsync_UnknownStore_InvalidArgument()
    {
        await using var t = await StartAsync();

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.GetStateAsync<string>("no-such-store", "k", cancellationToken: t.Ct));

        var rpc = error.InnerException.ShouldBeOfType<RpcException>();
        rpc.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        rpc.Status.Detail.ShouldContain("no-such-store");
    }

    protected static byte[] Json<T>(T value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);
}
