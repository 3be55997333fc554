using System.Text.Json;
using System.Text.Json.Nodes;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Http;

/// <summary>
/// Dapr's HTTP state API, <c>/v1.0/state/{store}</c>: save (array), get, bulk get, delete (ETag in If-Match) and
/// transactions. Request metadata comes from <c>metadata.*</c> query parameters, as in daprd.
/// </summary>
public static class StateHttpApi
{
    public static void MapStateHttpApi(this IEndpointRouteBuilder app)
    {
        var state = app.MapGroup("/v1.0/state/{storeName}");
        state.MapPost("", SaveAsync);
        state.MapGet("/{key}", GetAsync);
        state.MapDelete("/{key}", DeleteAsync);
        state.MapPost("/bulk", BulkGetAsync);
        state.MapMethods("/transaction", ["POST", "PUT"], TransactionAsync);
    }

    private static Task<IResult> SaveAsync(string storeName, HttpRequest request, StateAccess access, CancellationToken ct) =>
        HttpErrors.Run("ERR_STATE_SAVE", async () =>
        {
            var store = access.Store(storeName);
            var entries = await HttpErrors.ReadAsync<List<StateEntryBody>>(request, ct);
            foreach (var entry in entries)
                await store.SetAsync(entry.ToUpsert(access, store, QueryMetadata(request)), ct);
            return Results.NoContent();
        });

    private static Task<IResult> GetAsync(string storeName, string key, HttpResponse response, StateAccess access, CancellationToken ct) =>
        HttpErrors.Run("ERR_STATE_GET", async () =>
        {
            var store = access.Store(storeName);
            var item = await store.GetAsync(access.FullKey(store, key), ct);
            if (item is null)
                return Results.NoContent();
            response.Headers.ETag = item.ETag;
            return Results.Bytes(item.Value, "application/json");
        });

    private static Task<IResult> DeleteAsync(string storeName, string key, HttpRequest request, StateAccess access, CancellationToken ct) =>
        HttpErrors.Run("ERR_STATE_DELETE", async () =>
        {
            var store = access.Store(storeName);
            var etag = request.Headers.IfMatch.ToString();
            var concurrency = StateAccess.ParseConcurrency(request.Query["concurrency"]);
            await store.DeleteAsync(access.Delete(store, key, etag, concurrency), ct);
            return Results.NoContent();
        });

    private static Task<IResult> BulkGetAsync(string storeName, HttpRequest request, StateAccess access, CancellationToken ct) =>
        HttpErrors.Run("ERR_STATE_GET", async () =>
        {
            var store = access.Store(storeName);
            var keys = (await HttpErrors.ReadAsync<BulkGetBody>(request, ct)).Keys ?? [];
            var fullKeys = keys.Select(k => access.FullKey(store, k)).ToList();
            var found = await store.BulkGetAsync(fullKeys.Distinct(StringComparer.Ordinal).ToList(), ct);
            var items = new JsonArray();
            for (var i = 0; i < keys.Count; i++)
            {
                var item = new JsonObject { ["key"] = keys[i] };
                if (found.TryGetValue(fullKeys[i], out var value))
                {
                    item["data"] = AsJson(value.Value);
                    item["etag"] = value.ETag;
                }
                items.Add(item);
            }
            return Results.Text(items.ToJsonString(), "application/json");
        });

    private static Task<IResult> TransactionAsync(string storeName, HttpRequest request, StateAccess access, CancellationToken ct) =>
        HttpErrors.Run("ERR_STATE_TRANSACTION", async () =>
        {
            var store = access.Store(storeName);
            var body = await HttpErrors.ReadAsync<TransactionBody>(request, ct);
            var operations = new List<StateOperation>();
            foreach (var op in body.Operations ?? [])
            {
                var entry = op.Request ?? throw new ArgumentException("transaction operation has no request");
                operations.Add(StateAccess.ParseOperationType(op.Operation) == StateOperationKind.Upsert
                    ? entry.ToUpsert(access, store, body.Metadata)
                    : access.Delete(store, entry.Key, entry.Etag, StateAccess.ParseConcurrency(entry.Options?.Concurrency)));
            }
            await store.TransactAsync(operations, ct);
            return Results.NoContent();
        });

    /// <summary>Stored bytes as JSON: embedded as-is when they are JSON, otherwise as a string.</summary>
    private static JsonNode? AsJson(byte[] value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(System.Text.Encoding.UTF8.GetString(value));
        }
    }

    private static Dictionary<string, string> QueryMetadata(HttpRequest request) =>
        request.Query.Where(q => q.Key.StartsWith("metadata.", StringComparison.Ordinal))
            .ToDictionary(q => q.Key["metadata.".Length..], q => q.Value.ToString(), StringComparer.Ordinal);
}
