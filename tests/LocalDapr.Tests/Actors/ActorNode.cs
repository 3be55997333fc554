using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using Microsoft.AspNetCore.Builder;

namespace ChatDapr.LocalDapr.Tests.Actors;

/// <summary>One instance of an actor app: a real Dapr.Actors.AspNetCore app and its in-process sidecar.</summary>
public sealed class ActorNode : IAsyncDisposable
{
    public const string ActorType = nameof(CounterActor);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Func<SidecarHost, Task> _stopSidecar;
    private int _disposed;

    private ActorNode(SidecarHost sidecar, WebApplication app, ActorProbe probe, Func<SidecarHost, Task> stopSidecar)
    {
        Sidecar = sidecar;
        App = app;
        Probe = probe;
        _stopSidecar = stopSidecar;
        Proxies = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = sidecar.HttpEndpoint });
    }

    public SidecarHost Sidecar { get; }
    public WebApplication App { get; }
    public ActorProbe Probe { get; }
    public ActorProxyFactory Proxies { get; }

    public ICounterActor Counter(string id) => Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), ActorType);

    /// <summary>Starts the sidecar (via <paramref name="startSidecar"/>) and then the app, which points its actor runtime at it.</summary>
    public static async Task<ActorNode> StartAsync(
        Func<int, Task<SidecarHost>> startSidecar,
        Func<SidecarHost, Task> stopSidecar,
        string instanceName,
        Action<ActorRuntimeOptions>? configure = null)
    {
        var appPort = Ports.Free();
        var sidecar = await startSidecar(appPort).WaitAsync(Timeout);
        var probe = new ActorProbe(instanceName);
        var app = await TestApp.StartAsync(appPort,
            builder =>
            {
                builder.Services.AddSingleton(probe);
                builder.Services.AddActors(options =>
                {
                    // Per app, not through process-wide DAPR_HTTP_ENDPOINT: tests run in parallel.
                    options.HttpEndpoint = sidecar.HttpEndpoint;
                    options.Actors.RegisterActor<CounterActor>();
                    configure?.Invoke(options);
                });
            },
            app => app.MapActorsHandlers()).WaitAsync(Timeout);
        await sidecar.AppReady.WaitAsync(Timeout);
        return new ActorNode(sidecar, app, probe, stopSidecar);
    }

    public static Task<ActorNode> StartAsync(LocalSidecar sidecars, string appId, string instanceName, Action<ActorRuntimeOptions>? configure = null) =>
        StartAsync(port => sidecars.StartAsync(appId, port), sidecars.StopAsync, instanceName, configure);

    /// <summary>Waits until the registry lists <paramref name="count"/> hosts of the actor type.</summary>
    public static Task WaitForHostsAsync(IClusterRegistry registry, int count, string actorType = ActorType) =>
        Poll.UntilAsync(() => registry.HostsOf(actorType).Count == count, $"{count} instances host {actorType}");

    public async ValueTask DisposeAsync()
    {
        // Tests stop a node explicitly and again at the end of its scope.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stopSidecar(Sidecar);
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
