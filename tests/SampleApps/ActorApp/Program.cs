using ChatDapr.SampleApps.ActorApp;

// Hosts WhoAmIActor; INSTANCE names this process in the actor's answers. The actor runtime reaches its
// sidecar through DAPR_HTTP_PORT, as with daprd.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("APP_PORT") ?? "5000"}");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddActors(o => o.Actors.RegisterActor<WhoAmIActor>(WhoAmIActor.TypeName));
var app = builder.Build();
app.MapActorsHandlers();
await app.RunAsync();
