using System.Collections.Concurrent;
using ChatDapr.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatDapr.LocalDapr.Tests.Actors;

/// <summary>A hand-written actor host (no SDK) that records exactly what the sidecar sends it.</summary>
public sealed class EchoActorApp : IAsyncDisposable
{
    public const string ActorType = "EchoActor";

    private EchoActorApp(WebApplication app) => App = app;

    public WebApplication App { get; }

    public ConcurrentQueue<Received> Calls { get; } = new();

    public sealed record Received(string Verb, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);

    public int CountOf(string pathSuffix) => Calls.Count(c => c.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public static async Task<EchoActorApp> StartAsync(int port)
    {
        EchoActorApp? self = null;
        var app = await TestApp.StartAsync(port, _ => { }, app =>
        {
            app.MapGet("/dapr/config", () => Results.Json(new { entities = new[] { ActorType }, actorIdleTimeout = "1h", reentrancy = new { enabled = false } }));
            app.Map("/actors/{**rest}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                self!.Calls.Enqueue(new Received(context.Request.Method, context.Request.Path.Value!, context.Request.ContentType, headers, body));
                context.Response.Headers["X-DaprErrorResponseHeader"] = "error-header-from-app";
                context.Response.Headers["X-Custom"] = "custom";
                context.Response.StatusCode = 202;
                await context.Response.WriteAsync("echo:" + body);
            });
        });
        self = new EchoActorApp(app);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
