using ChatDapr.Contracts.Names;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.LocalDapr.Tests;
using ChatDapr.Messages;
using ChatDapr.Presence;
using ChatDapr.Rooms;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace ChatDapr.Gateway.Tests.Harness;

// The chat backend in one process: the real rooms, presence, messages and gateway apps (N gateway instances), each on its own
// loopback port beside its own in-process sidecar. The sidecars come from one LocalSidecar, so they share actor
// placement and the brokers, like the apps of one `localdapr` launch. Components are a profile's chat-pubsub and
// chat-fanout files as they are (embedded, or redis pointed at a test redis-server), an in-memory state store and a
// file secret store.
public sealed class ChatCluster : IAsyncDisposable
{
    public const string SigningKey = "service-test-signing-key-0123456789abcdef0123456789";
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly LocalSidecar sidecars;
    private readonly string secretsFile;
    private readonly List<WebApplication> apps = [];
    private readonly List<GatewayNode> gateways = [];
    private readonly Dictionary<GatewayNode, SidecarHost> gatewaySidecars = [];
    private int gatewaysStarted;

    // redisAddress null: the embedded profile's brokers (in-memory); otherwise the redis profile's, on that server.
    private ChatCluster(string secretsFile, string? redisAddress)
    {
        this.secretsFile = secretsFile;
        sidecars = new LocalSidecar(
            ChatComponents.StateStore,
            ProfileComponent("pubsub.yaml", redisAddress),
            ProfileComponent("fanout.yaml", redisAddress),
            SecretsYaml(secretsFile));
    }

    private static string ProfileComponent(string file, string? redisAddress) => redisAddress is null
        ? File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "embedded", file))
        : File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "redis", file)).Replace("localhost:6379", redisAddress);

    public IReadOnlyList<GatewayNode> Gateways => gateways;

    // A stand-in for clients/web/dist that gateway 1 serves; gateway 0 has no built client and serves the placeholder.
    public string WebClientFolder => Path.Combine(Path.GetDirectoryName(secretsFile)!, "web");

    public const string WebClientMarker = "<!-- test web client -->";

    // Every line gateway 0 logs, at Information and above (the framework's request logging included).
    public LogCapture Gateway0Logs { get; } = new();

    public static async Task<ChatCluster> StartAsync(int gatewayCount, string? redisAddress = null)
    {
        var secrets = Path.Combine(Directory.CreateTempSubdirectory("chatdapr-secrets-").FullName, "secrets.json");
        await File.WriteAllTextAsync(secrets, $$"""{ "jwt-signing-key": "{{SigningKey}}" }""");
        var cluster = new ChatCluster(secrets, redisAddress);
        Directory.CreateDirectory(cluster.WebClientFolder);
        await File.WriteAllTextAsync(Path.Combine(cluster.WebClientFolder, "index.html"), $"<!doctype html>{WebClientMarker}");
        try
        {
            await cluster.StartAppAsync(AppIds.Rooms, b => RoomsApp.AddApplicationServices(b.AddServiceDefaults()), a => a.MapRooms());
            await cluster.StartAppAsync(AppIds.Presence, b => PresenceApp.AddApplicationServices(b.AddServiceDefaults()), a => a.MapPresence());
            await cluster.StartAppAsync(AppIds.Messages, b => MessagesApp.AddApplicationServices(b.AddServiceDefaults()), a => a.MapMessages());
            for (var i = 0; i < gatewayCount; i++)
                await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // Scale-out: one more gateway instance beside the running ones, subscribed to chat-fanout when this returns.
    public Task<GatewayNode> AddGatewayAsync() => StartGatewayAsync();

    // Scale-in: stops the instance as a deployment does (the app shuts down, closing its client connections, then its
    // sidecar), and forgets it; its clients are left to reconnect elsewhere.
    public async Task RemoveGatewayAsync(GatewayNode gateway)
    {
        gateways.Remove(gateway);
        apps.Remove(gateway.App);
        await gateway.App.StopAsync().WaitAsync(StartTimeout);
        await gateway.App.DisposeAsync();
        gateway.Dispose();
        if (gatewaySidecars.Remove(gateway, out var sidecar))
            await sidecars.StopAsync(sidecar).WaitAsync(StartTimeout);
    }

    // Instance 0 logs into Gateway0Logs and instance 1 serves WebClientFolder; later ones are plain.
    private async Task<GatewayNode> StartGatewayAsync()
    {
        var index = gatewaysStarted++;
        var (app, port, sidecar) = await StartAppAsync(AppIds.Gateway, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Fast hashing and a small send budget keep the tests quick and make the rate limit reachable.
                ["Gateway:PasswordHasher:IterationCount"] = "1000",
                ["Gateway:RateLimit:SendBurst"] = "10",
                ["Gateway:RateLimit:SendsPerSecond"] = "1",
                ["Gateway:Auth:ClockSkew"] = "00:00:00",
                ["Gateway:WebRoot"] = index == 1 ? WebClientFolder : Path.Combine(WebClientFolder, "absent"),
            });
            if (index == 0)
            {
                // Everything at Information, so only the gateway's own rules keep the hub token out of the log.
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Information",
                    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
                });
                builder.Logging.AddProvider(Gateway0Logs);
            }
            var webRoot = Path.Combine(RepoPaths.RepoRoot, "services", "Gateway", "wwwroot");
            builder.Environment.WebRootPath = webRoot;
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(webRoot);
            builder.AddServiceDefaults();
            GatewayApp.AddApplicationServices(builder);
        }, app => app.MapGateway(), waitForSubscriptions: true);
        var node = new GatewayNode(app, port);
        gateways.Add(node);
        gatewaySidecars.Add(node, sidecar);
        return node;
    }

    // Starts the sidecar first (it waits for the app port), then the app pointed at it through IConfiguration.
    private async Task<(WebApplication App, int Port, SidecarHost Sidecar)> StartAppAsync(
        string appId, Action<WebApplicationBuilder> configure, Action<WebApplication> map, bool waitForSubscriptions = false)
    {
        var port = Ports.Free();
        var sidecar = await sidecars.StartAsync(appId, port);
        var app = await TestApp.StartAsync(port, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DAPR_HTTP_ENDPOINT"] = sidecar.HttpEndpoint,
                ["DAPR_GRPC_ENDPOINT"] = sidecar.GrpcEndpoint,
                ["Presence:HeartbeatInterval"] = HeartbeatInterval.ToString(),
            });
            configure(builder);
        }, map);
        apps.Add(app);
        await sidecar.AppReady.WaitAsync(StartTimeout);
        if (waitForSubscriptions)
            await sidecar.Services.GetRequiredService<SubscriptionRegistry>().Started.WaitAsync(StartTimeout);
        return (app, port, sidecar);
    }

    private static string SecretsYaml(string file) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: chat-secrets
        spec:
          type: secretstores.local.file
          version: v1
          metadata:
          - name: secretsFile
            value: "{file}"
        """;

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in gateways)
            gateway.Dispose();
        foreach (var app in Enumerable.Reverse(apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await sidecars.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(secretsFile)!, recursive: true); } catch (IOException) { }
    }
}
