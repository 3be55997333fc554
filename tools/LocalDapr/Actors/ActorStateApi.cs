using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Actor state: <c>GET …/state/{key}</c> and the <c>PUT|POST …/state</c> transaction. These run during the
/// actor's turn (the app calls back while handling a method), so they never take the turn lock.
/// </summary>
public static class ActorStateApi
{
    public static void MapActorStateApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ActorEndpoint.Prefix + "/state/{key}",
            (HttpContext context, string actorType, string actorId, string key, ComponentCatalog catalog, SidecarOptions options) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_STATE_GET", async ct =>
                {
                    var item = await StoreOf(catalog).GetAsync(StateKeys.ForActor(options.AppId, actorType, actorId, key), ct);
                    return item is null ? ActorResponse.NoContent : ActorResponse.Json(item.Value);
                }));

        app.MapMethods(ActorEndpoint.Prefix + "/state", ["PUT", "POST"],
            (HttpContext context, string actorType, string actorId, ComponentCatalog catalog, SidecarOptions options) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_STATE_TRANSACTION_SAVE", async ct =>
                {
                    var store = StoreOf(catalog);
                    // The SDK sends this JSON as text/plain: read the body whatever its content type.
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    var operations = ParseTransaction(JsonFields.Parse(request.Body), options.AppId, actorType, actorId);
                    if (operations.Count > 0)
                        await store.TransactAsync(operations, ct);
                    return ActorResponse.NoContent;
                }));
    }

    public static IStateStore StoreOf(ComponentCatalog catalog) => catalog.ActorStateStore
        ?? throw new ActorApiException(500, "ERR_ACTOR_STATE_STORE_NOT_FOUND",
            "actors: state store does not exist or incorrectly configured (set actorStateStore: \"true\" on one state store)");

    /// <summary><c>[{"operation":"upsert","request":{"key","value","metadata":{"ttlInSeconds"}}},{"operation":"delete","request":{"key"}}]</c></summary>
    public static IReadOnlyList<StateOperation> ParseTransaction(JsonElement body, string appId, string actorType, string actorId)
    {
        if (body.ValueKind != JsonValueKind.Array)
            throw Malformed("the transaction must be a JSON array");
        var operations = new List<StateOperation>();
        foreach (var entry in body.EnumerateArray())
        {
            var request = JsonFields.Get(entry, "request") ?? throw Malformed("an operation has no request");
            var key = JsonFields.String(request, "key") is { Length: > 0 } k ? k : throw Malformed("an operation has no key");
            var fullKey = StateKeys.ForActor(appId, actorType, actorId, key);
            switch (JsonFields.String(entry, "operation")?.ToLowerInvariant())
            {
                case "upsert":
                    var value = JsonFields.Get(request, "value") is { } v ? Encoding.UTF8.GetBytes(v.GetRawText()) : "null"u8.ToArray();
                    operations.Add(new StateOperation(StateOperationKind.Upsert, fullKey, value, Ttl: Ttl(request)));
                    break;
                case "delete":
                    operations.Add(new StateOperation(StateOperationKind.Delete, fullKey));
                    break;
                default:
                    throw Malformed($"unsupported operation '{JsonFields.String(entry, "operation")}' (use upsert or delete)");
            }
        }
        return operations;
    }

    private static TimeSpan? Ttl(JsonElement request)
    {
        if (JsonFields.Get(request, "metadata") is not { } metadata || JsonFields.Get(metadata, "ttlInSeconds") is not { } ttl)
            return null;
        var text = ttl.ValueKind == JsonValueKind.Number ? ttl.GetRawText() : ttl.GetString();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static ActorApiException Malformed(string message) => new(400, "ERR_MALFORMED_REQUEST", message);
}
