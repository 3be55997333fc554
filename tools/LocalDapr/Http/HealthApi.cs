using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Http;

public static class HealthApi
{
    /// <summary>
    /// <c>/v1.0/healthz/outbound</c> answers as soon as the sidecar is up (apps wait on it before listening);
    /// <c>/v1.0/healthz</c> only once the app is reachable and every component answers a ping.
    /// </summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        app.MapGet("/v1.0/healthz", async (AppReadiness readiness, ComponentCatalog catalog, CancellationToken ct) =>
        {
            if (!readiness.IsReady)
                return Results.Json(new { errorCode = "ERR_HEALTH_NOT_READY", message = "dapr is not ready: waiting for the app" }, statusCode: 500);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            foreach (var (name, store) in catalog.StateStores)
                if (!await SafePing(() => store.PingAsync(timeout.Token)))
                    return Results.Json(new { errorCode = "ERR_HEALTH_NOT_READY", message = $"state store '{name}' is unreachable" }, statusCode: 500);
            foreach (var (name, pubsub) in catalog.PubSubs)
                if (!await SafePing(() => pubsub.PingAsync(timeout.Token)))
                    return Results.Json(new { errorCode = "ERR_HEALTH_NOT_READY", message = $"pubsub '{name}' is unreachable" }, statusCode: 500);
            return Results.NoContent();
        });
    }

    private static async Task<bool> SafePing(Func<Task<bool>> ping)
    {
        try { return await ping(); }
        catch (Exception) { return false; }
    }
}
