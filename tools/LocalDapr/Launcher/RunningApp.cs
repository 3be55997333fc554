using System.Net.Sockets;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>One app of the run file with its in-process sidecar, as started by the launcher.</summary>
public sealed class RunningApp(int index, RunApp app, int appPort, SidecarHost sidecar)
{
    public int Index { get; } = index;
    public RunApp App { get; } = app;
    public int AppPort { get; } = appPort;
    public SidecarHost Sidecar { get; } = sidecar;
    public AppProcess? Process { get; private set; }
    public string AppUrl => $"http://{Sidecar.Options.AppHost}:{AppPort}";

    /// <summary>Starts the sidecar first (its ports go into the app's environment), then the app.</summary>
    public static async Task<RunningApp> StartAsync(int index, RunApp app, IClusterRegistry registry, LauncherConsole console,
        TimeSpan startTimeout, CancellationToken ct)
    {
        if (app.AppProtocol is not (null or "http"))
            throw new ResourceLoadException(app.Source, $"app '{app.AppId}': appProtocol '{app.AppProtocol}' is not supported by localdapr (only http)");
        var appHost = app.AppChannelAddress ?? "127.0.0.1";
        if (app.AppPort is { } fixedPort && !FreePort.IsFree(appHost, fixedPort))
            throw new ResourceLoadException(app.Source,
                $"app '{app.AppId}': appPort {fixedPort} is already in use (is a previous run still going? stop it, or change appPort)");
        var appPort = app.AppPort ?? FreePort.Get();
        var fileEnvironment = app.Env;
        var options = new SidecarOptions
        {
            AppId = app.AppId,
            AppPort = appPort,
            AppHost = appHost,
            HttpPort = app.DaprHttpPort ?? 0,
            GrpcPort = app.DaprGrpcPort ?? 0,
            ResourcesPaths = app.ResourcesPaths,
            ConfigPath = app.ConfigFile,
            LogLevel = app.LogLevel ?? "info",
            // dapr run hands the same environment to daprd and the app: tokens set in the file apply to both.
            ApiToken = Variable(fileEnvironment, "DAPR_API_TOKEN"),
            AppApiToken = Variable(fileEnvironment, "APP_API_TOKEN"),
            AppStartTimeout = startTimeout,
        };
        var environment = new SidecarEnvironment(registry, ComponentPool.Shared, new PrefixedLoggerProvider(console, index, app.AppId), ListenForSignals: false);
        SidecarHost sidecar;
        try
        {
            sidecar = await SidecarHost.StartAsync(options, environment, ct);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new ResourceLoadException(app.Source, $"app '{app.AppId}': cannot listen on the sidecar ports: {e.Message}");
        }
        var running = new RunningApp(index, app, appPort, sidecar);
        try
        {
            running.Process = AppProcess.Start(app, running.ChildEnvironment(), console, index);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
        return running;
    }

    /// <summary>What dapr run gives an app, plus ASPNETCORE_URLS so an ASP.NET Core app listens where its sidecar looks.</summary>
    public Dictionary<string, string> ChildEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_URLS"] = AppUrl };
        foreach (var (k, v) in App.Env)
            env[k] = v;
        env["APP_ID"] = App.AppId;
        env["APP_PORT"] = AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["DAPR_HTTP_PORT"] = Sidecar.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["DAPR_GRPC_PORT"] = Sidecar.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["DAPR_HTTP_ENDPOINT"] = Sidecar.HttpEndpoint;
        env["DAPR_GRPC_ENDPOINT"] = Sidecar.GrpcEndpoint;
        return env;
    }

    private static string? Variable(IReadOnlyDictionary<string, string> fileEnvironment, string name) =>
        fileEnvironment.TryGetValue(name, out var v) ? NonEmpty(v) : NonEmpty(Environment.GetEnvironmentVariable(name));

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
