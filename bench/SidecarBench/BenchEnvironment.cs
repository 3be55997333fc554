using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;
using StackExchange.Redis;

namespace ChatDapr.SidecarBench;

/// <summary>A real redis-server and one in-process local sidecar using it for state and pub/sub.</summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly string _resources;

    private BenchEnvironment(RedisServer redis, string resources, ConnectionMultiplexer mux)
    {
        Redis = redis;
        _resources = resources;
        Mux = mux;
    }

    public RedisServer Redis { get; }
    public ConnectionMultiplexer Mux { get; }
    public string ResourcesPath => _resources;
    public List<SidecarHost> Sidecars { get; } = [];

    public static async Task<BenchEnvironment> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("sidecar-bench-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "components.yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.redis
              version: v1
              metadata:
              - name: redisHost
                value: "{redis.Address}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - name: redisHost
                value: "{redis.Address}"
              - name: consumerID
                value: "{"{appID}"}"
            """);
        var mux = await ConnectionMultiplexer.ConnectAsync(redis.Address);
        return new BenchEnvironment(redis, dir, mux);
    }

    public async Task<SidecarHost> StartSidecarAsync(string appId, int? appPort)
    {
        var options = new SidecarOptions { AppId = appId, AppPort = appPort, ResourcesPaths = [_resources], LogLevel = "warn" };
        var host = await SidecarHost.StartAsync(options, new SidecarEnvironment(new InProcessClusterRegistry(), new ComponentPool(), new NullLoggerProvider()));
        Sidecars.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in Sidecars)
            await s.DisposeAsync();
        await Mux.DisposeAsync();
        await Redis.DisposeAsync();
        Directory.Delete(_resources, recursive: true);
    }

    private sealed class NullLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public void Dispose() { }
    }
}
