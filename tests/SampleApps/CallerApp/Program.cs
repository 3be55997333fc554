using ChatDapr.SampleApps.CallerApp;
using Dapr.Client;

// GET /call/{text} invokes the echo app (ECHO_APP_ID, default "echo") through its Dapr sidecar and returns its answer.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("APP_PORT") ?? "5001"}");
// Request logs would drown the launcher's output in tests.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddDaprClient();
var app = builder.Build();
var echoAppId = Environment.GetEnvironmentVariable("ECHO_APP_ID") ?? "echo";
app.MapGet("/call/{text}", async (string text, DaprClient dapr, CancellationToken ct) =>
{
#pragma warning disable CS0618 // Obsolete since SDK 1.19 in favour of HttpClient, but this is the call existing services make.
    var reply = await dapr.InvokeMethodAsync<EchoReply>(HttpMethod.Get, echoAppId, $"echo/{Uri.EscapeDataString(text)}", ct);
#pragma warning restore CS0618
    return Results.Json(reply);
});
await app.RunAsync();
