using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;

namespace ChatDapr.LocalDapr.Tests.Actors;

/// <summary>A sidecar in front of an <see cref="EchoActorApp"/>, plus an HTTP client for the sidecar's API.</summary>
public sealed class EchoCluster : IAsyncDisposable
{
    private EchoCluster(LocalSidecar sidecars, SidecarHost host, EchoActorApp app)
    {
        Sidecars = sidecars;
        Host = host;
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(host.HttpEndpoint), Timeout = ActorNode.Timeout };
    }

    public LocalSidecar Sidecars { get; }
    public SidecarHost Host { get; }
    public EchoActorApp App { get; }
    public HttpClient Http { get; }

    public static async Task<EchoCluster> StartAsync(params string[] components)
    {
        var sidecars = new LocalSidecar(components);
        var port = Ports.Free();
        var host = await sidecars.StartAsync("echo-" + Guid.NewGuid().ToString("N")[..8], port);
        var app = await EchoActorApp.StartAsync(port);
        await host.AppReady.WaitAsync(ActorNode.Timeout);
        await ActorNode.WaitForHostsAsync(sidecars.Registry, 1, EchoActorApp.ActorType);
        return new EchoCluster(sidecars, host, app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sidecars.DisposeAsync();
        await App.DisposeAsync();
    }
}
