using System.Collections.Concurrent;
using ChatDapr.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatDapr.LocalDapr.Tests.Invocation;

/// <summary>What an invoked app saw of one request.</summary>
public sealed record SeenRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>
/// An in-process app that records every request and answers from <c>/status/{code}</c> with that code,
/// from anything else with 200 and the request body echoed back.
/// </summary>
public sealed class RecordingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingApp(WebApplication app, int port, ConcurrentQueue<SeenRequest> seen)
    {
        _app = app;
        Port = port;
        Seen = seen;
    }

    public int Port { get; }
    public ConcurrentQueue<SeenRequest> Seen { get; }

    public static async Task<RecordingApp> StartAsync(Action<WebApplication>? map = null)
    {
        var port = Ports.Free();
        var seen = new ConcurrentQueue<SeenRequest>();
        var app = await TestApp.StartAsync(port, _ => { }, app =>
        {
            map?.Invoke(app);
            // The sidecar's discovery calls are not invocations: keep them out of the record.
            app.MapGet("/dapr/{**rest}", () => Results.NotFound());
            app.Map("/status/{code:int}", (HttpContext ctx, int code) =>
            {
                Record(ctx, seen, "");
                ctx.Response.Headers["x-reason"] = "because-" + code;
                return Results.Text("status body " + code, statusCode: code);
            });
            app.MapFallback(async ctx =>
            {
                var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync(ctx.RequestAborted);
                Record(ctx, seen, body);
                ctx.Response.ContentType = ctx.Request.ContentType ?? "text/plain";
                await ctx.Response.WriteAsync(body, ctx.RequestAborted);
            });
        });
        return new RecordingApp(app, port, seen);
    }

    private static void Record(HttpContext ctx, ConcurrentQueue<SeenRequest> seen, string body) =>
        seen.Enqueue(new SeenRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "", body,
            ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
