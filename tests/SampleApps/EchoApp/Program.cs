using ChatDapr.SampleApps.EchoApp;

// Answers GET /echo/{text} with the text and the caller's app id (dapr-caller-app-id, set by the sidecar).
// ECHO_CRASH_ON_START=1 prints some lines and exits with code 3, for the launcher's start-failure test.
if (Environment.GetEnvironmentVariable("ECHO_CRASH_ON_START") == "1")
{
    for (var i = 1; i <= 25; i++)
        Console.WriteLine($"echo boot line {i}");
    return 3;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("APP_PORT") ?? "5000"}");
// Request logs would drown the launcher's output in tests.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddDaprClient();
var app = builder.Build();
app.UseCloudEvents();
app.MapSubscribeHandler();
app.MapGet("/echo/{text}", (string text, HttpRequest request) =>
    Results.Json(new EchoReply(text, request.Headers["dapr-caller-app-id"].ToString())));
await app.RunAsync();
return 0;
