using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>Dapr's HTTP state API (what curl and non-.NET SDKs use), against the in-memory store.</summary>
public sealed class StateHttpApiTests
{
    private static async Task<(StateTestHost Test, HttpClient Http)> StartAsync()
    {
        var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));
        return (t, new HttpClient { BaseAddress = new Uri(t.Host.HttpEndpoint + "/v1.0/state/store/"), Timeout = TimeSpan.FromSeconds(20) });
    }

    [Fact]
    public async Task PostThenGet_JsonValue_ReturnsValueWithETagHeaderAndIsVisibleOverGrpc()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;

        var save = await http.PostAsync("", Json("""[{"key":"order","value":{"id":"o-1","quantity":2}}]"""), t.Ct);
        var get = await http.GetAsync("order", t.Ct);

        save.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.Content.ReadAsStringAsync(t.Ct)).ShouldBe("""{"id":"o-1","quantity":2}""");
        RawETag(get).ShouldNotBeNullOrEmpty(); // unquoted, as daprd sends it
        var viaGrpc = await t.Client.GetStateAsync<Order>("store", "order", cancellationToken: t.Ct);
        viaGrpc.Quantity.ShouldBe(2);
    }

    [Fact]
    public async Task Get_MissingKey_Returns204()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;

        (await http.GetAsync("nothing-here", t.Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_StaleIfMatch_Returns409ThenFreshIfMatchDeletes()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;
        await http.PostAsync("", Json("""[{"key":"k","value":1}]"""), t.Ct);
        var stale = RawETag(await http.GetAsync("k", t.Ct));
        await http.PostAsync("", Json("""[{"key":"k","value":2}]"""), t.Ct);
        var fresh = RawETag(await http.GetAsync("k", t.Ct));

        var conflict = await SendDeleteAsync(http, "k", stale, t.Ct);
        var deleted = await SendDeleteAsync(http, "k", fresh, t.Ct);

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.Content.ReadFromJsonAsync<JsonElement>(t.Ct)).GetProperty("errorCode").GetString().ShouldBe("ERR_STATE_DELETE");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.GetAsync("k", t.Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task PostBulk_ExistingAndMissingKeys_ReturnsDataAndEtagOnlyForExisting()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;
        await http.PostAsync("", Json("""[{"key":"a","value":{"n":1}},{"key":"b","value":"text"}]"""), t.Ct);

        var response = await http.PostAsync("bulk", Json("""{"keys":["a","b","zzz"],"parallelism":2}"""), t.Ct);

        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(t.Ct)).EnumerateArray().ToList();
        items.Select(i => i.GetProperty("key").GetString()).ShouldBe(["a", "b", "zzz"]);
        items[0].GetProperty("data").GetProperty("n").GetInt32().ShouldBe(1);
        items[0].GetProperty("etag").GetString().ShouldNotBeNullOrEmpty();
        items[1].GetProperty("data").GetString().ShouldBe("text");
        items[2].TryGetProperty("data", out var _).ShouldBeFalse();
    }

    [Fact]
    public async Task PostTransaction_UpsertAndDelete_AppliedAndStaleETagAbortsWith409()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;
        await http.PostAsync("", Json("""[{"key":"old","value":"x"}]"""), t.Ct);

        var applied = await http.PostAsync("transaction", Json("""
            {"operations":[
              {"operation":"upsert","request":{"key":"new","value":{"v":1}}},
              {"operation":"delete","request":{"key":"old"}}]}
            """), t.Ct);
        var aborted = await http.PostAsync("transaction", Json("""
            {"operations":[
              {"operation":"upsert","request":{"key":"other","value":1}},
              {"operation":"upsert","request":{"key":"new","value":2,"etag":"999999"}}]}
            """), t.Ct);

        applied.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.GetStringAsync("new", t.Ct)).ShouldBe("""{"v":1}""");
        (await http.GetAsync("old", t.Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        aborted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await http.GetAsync("other", t.Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Post_UnknownStore_Returns400StateStoreNotFound()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;

        var response = await http.PostAsync("/v1.0/state/nope", Json("""[{"key":"k","value":1}]"""), t.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(t.Ct)).GetProperty("errorCode").GetString().ShouldBe("ERR_STATE_STORE_NOT_FOUND");
    }

    [Fact]
    public async Task Post_MalformedBody_Returns400MalformedRequest()
    {
        var (t, http) = await StartAsync();
        await using var _ = t;
        using var __ = http;

        var response = await http.PostAsync("", Json("""{"not":"an array"""), t.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(t.Ct)).GetProperty("errorCode").GetString().ShouldBe("ERR_MALFORMED_REQUEST");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string RawETag(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : throw new InvalidOperationException("no ETag header");

    private static Task<HttpResponseMessage> SendDeleteAsync(HttpClient http, string key, string etag, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, key);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return http.SendAsync(request, ct);
    }
}
