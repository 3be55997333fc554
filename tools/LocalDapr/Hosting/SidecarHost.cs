using System.Net;
using ChatDapr.LocalDapr.Actors;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Grpc;
using ChatDapr.LocalDapr.Http;
using ChatDapr.LocalDapr.PubSub;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ChatDapr.LocalDapr.Hosting;

/// <summary>
/// Process-level things that in-process sidecars share; standalone sidecars get their own.
/// <paramref name="ListenForSignals"/> false leaves SIGINT/SIGTERM to the caller (the CLI stops apps before sidecars).
/// </summary>
public sealed record SidecarEnvironment(IClusterRegistry Registry, ComponentPool Pool, ILoggerProvider? LoggerProvider = null, bool ListenForSignals = true);

/// <summary>
/// One Dapr-compatible sidecar: an HTTP endpoint (Dapr HTTP API) and an h2c endpoint (gRPC API) for one app.
/// Several can run in one process (the launcher, tests), each with its own ports.
/// </summary>
public sealed partial class SidecarHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SidecarHost(WebApplication app, SidecarOptions options, int httpPort, int grpcPort)
    {
        _app = app;
        Options = options;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public SidecarOptions Options { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";
    public IServiceProvider Services => _app.Services;

    /// <summary>Completes when the app answered and discovery (subscriptions, actor types) ran.</summary>
    public Task AppReady => _app.Services.GetRequiredService<AppReadiness>().Ready;

    public static async Task<SidecarHost> StartAsync(SidecarOptions options, SidecarEnvironment environment, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SidecarHost).Assembly.GetName().Name,
            // The sidecar takes no appsettings; reloading them would watch the whole working directory tree (inotify on
            // every subdirectory, and events for every file written under it while the sidecar runs).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        if (environment.LoggerProvider is not null)
            builder.Logging.AddProvider(environment.LoggerProvider);
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.SetMinimumLevel(ParseLevel(options.LogLevel));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        // Run request processing and response writes on the thread that completed the socket read or flush instead of
        // hopping through Kestrel's I/O queues: one to two thread-pool hand-offs fewer per request (~15% fewer context
        // switches per state call, measured). Safe here because every handler is asynchronous and socket completions
        // themselves still run on the thread pool (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS is not set).
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // HTTP/1.1 only: without TLS, HTTP/2 cannot be negotiated on this port anyway (the gRPC port is the h2c one).
            k.Listen(IPAddress.Loopback, options.HttpPort, l => l.Protocols = HttpProtocols.Http1);
            // gRPC without TLS has no ALPN, so the port must speak HTTP/2 only (prior knowledge).
            k.Listen(IPAddress.Loopback, options.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });

        var services = builder.Services;
        if (!environment.ListenForSignals)
            services.AddSingleton<IHostLifetime, ExternalLifetime>();
        services.AddSingleton(options);
        services.AddSingleton(environment.Registry);
        services.AddSingleton(sp => ComponentCatalog.Create(options, sp.GetRequiredService<ILoggerFactory>(), environment.Pool));
        services.AddSingleton<AppChannel>();
        services.AddSingleton<AppReadiness>();
        services.AddSingleton<PubSub.Publisher>();
        services.AddHostedService<AppDiscovery>();
        services.AddDaprGrpcApi();
        services.AddPubSubDelivery();
        services.AddActorRuntime();
        services.AddServiceInvocation();

        var app = builder.Build();
        // Fail fast on bad resources before opening ports.
        _ = app.Services.GetRequiredService<ComponentCatalog>();

        app.UseMiddleware<DuplicateSlashMiddleware>();
        app.UseMiddleware<ApiTokenMiddleware>();
        app.UseRouting();
        app.MapHealthApi();
        app.MapMetadataApi();
        app.MapServiceInvocation();
        app.MapStateHttpApi();
        app.MapPublishHttpApi();
        app.MapActorsApi();
        app.MapDaprGrpcApi();

        await app.StartAsync(ct);
        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).ToList();
        var host = new SidecarHost(app, options, ports[0], ports[1]);

        // Through the membership, so actor types discovered meanwhile are kept in the registered record.
        await app.Services.GetRequiredService<PlacementMembership>().JoinAsync(host.Self, ct);
        InProcessActorRuntimes.Of(environment.Registry).Register(options.InstanceId, app.Services.GetRequiredService<ActorRuntime>());
        LogRunning(app.Logger, options.AppId, host.HttpPort, host.GrpcPort);
        return host;
    }

    /// <summary>This sidecar as the cluster registry sees it.</summary>
    public SidecarInstance Self(IReadOnlyList<string> actorTypes) =>
        new(Options.InstanceId, Options.AppId, "127.0.0.1", HttpPort, GrpcPort, Options.AppPort, actorTypes);

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a test (or the launcher) may stop one sidecar early and then dispose all of them.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        var registry = _app.Services.GetRequiredService<IClusterRegistry>();
        InProcessActorRuntimes.Of(registry).Unregister(Options.InstanceId);
        await registry.UnregisterAsync(Options.InstanceId, CancellationToken.None);
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static LogLevel ParseLevel(string level) => level.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    // The exact phrase daprd prints; scripts that launch daprd wait for it.
    [LoggerMessage(Level = LogLevel.Information, Message = "dapr initialized. Status: Running. app-id={AppId} http={HttpPort} grpc={GrpcPort}")]
    private static partial void LogRunning(ILogger logger, string appId, int httpPort, int grpcPort);
}
