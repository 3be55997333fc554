using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.Testing;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>
/// In-process sidecars sharing one pub/sub component (in-memory or Redis), real ASP.NET Core subscriber apps using
/// Dapr.AspNetCore (UseCloudEvents + MapSubscribeHandler), and publishers using DaprClient. Each testbed has its own
/// topic names, so tests run in parallel.
/// </summary>
internal sealed class PubSubTestbed : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly List<DaprClient> _clients = [];

    private PubSubTestbed(string broker, string? redisAddress, LocalSidecar sidecars)
    {
        Broker = broker;
        RedisAddress = redisAddress;
        Sidecars = sidecars;
    }

    public string Broker { get; }
    public string? RedisAddress { get; }
    public LocalSidecar Sidecars { get; }

    /// <summary>A fresh name for a topic or an app-id.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>
    /// <paramref name="component"/> builds the pubsub component YAML from the broker and the Redis address;
    /// <paramref name="extraYaml"/> adds Subscription resources.
    /// </summary>
    public static async Task<PubSubTestbed> StartAsync(
        string broker, SharedRedis redis, Func<string, string?, string>? component = null, params string[] extraYaml)
    {
        var address = broker == PubSubYaml.Redis ? await redis.AddressAsync() : null;
        var yaml = (component ?? ((b, a) => PubSubYaml.Component(b, a)))(broker, address);
        return Create(broker, address, [yaml, .. extraYaml]);
    }

    /// <summary>A testbed over the given resource YAML (for tests that own their Redis server).</summary>
    public static PubSubTestbed Create(string broker, string? redisAddress, params string[] yaml) =>
        new(broker, redisAddress, new LocalSidecar(yaml));

    /// <summary>Starts a subscriber app and its sidecar, and waits until its subscriptions are active.</summary>
    public async Task<(SidecarHost Sidecar, WebApplication App)> StartSubscriberAsync(
        string appId, Action<WebApplication> map, Func<SidecarOptions, SidecarOptions>? configure = null)
    {
        var port = Ports.Free();
        var app = await TestApp.StartAsync(port, _ => { }, a =>
        {
            // Forwarding the envelope attributes as Cloudevent.* headers lets handlers check them.
            a.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
            a.MapSubscribeHandler();
            map(a);
        });
        _apps.Add(app);
        var sidecar = await Sidecars.StartAsync(appId, port, configure);
        await sidecar.Services.GetRequiredService<SubscriptionRegistry>().Started.WithTimeout($"subscriptions of {appId} are active");
        return (sidecar, app);
    }

    /// <summary>A DaprClient talking to a new app-less sidecar.</summary>
    public async Task<DaprClient> StartPublisherAsync(string appId = "publisher")
    {
        var client = LocalSidecar.Client(await Sidecars.StartAsync(appId));
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await Sidecars.DisposeAsync();
        foreach (var app in _apps)
            await app.DisposeAsync();
    }
}
