using System.Globalization;
using System.Text;

namespace ChatDapr.Testing.Systems;

/// <summary>
/// The whole system as a user runs it: <c>localdapr run -f dapr.yaml</c> as a child process, with the repository's
/// component profile copied into a temp folder (its relative paths made absolute, Redis pointed at the test's server)
/// so every test class owns its data.
/// </summary>
public sealed class ChatSystem : IAsyncDisposable
{
    private readonly string _dir;
    private readonly ChildProcess _launcher;

    private ChatSystem(string dir, ChildProcess launcher, IReadOnlyList<Uri> gateways)
    {
        _dir = dir;
        _launcher = launcher;
        Gateways = gateways;
    }

    /// <summary>Base URLs of the gateway instances.</summary>
    public IReadOnlyList<Uri> Gateways { get; }

    public Uri Gateway => Gateways[0];

    public string LauncherOutput => _launcher.Output;

    /// <summary>The launcher process, which also hosts every app's sidecar.</summary>
    public ChildProcess Launcher => _launcher;

    /// <summary>
    /// Kills gateway instance <paramref name="index"/> with SIGKILL, as a crash would: no goodbye to presence, no
    /// graceful disconnects. The pid comes from the launcher's status table (app URL … pid).
    /// </summary>
    public void KillGateway(int index)
    {
        var url = Gateways[index].ToString().TrimEnd('/');
        var row = _launcher.Lines.First(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var appUrl, .., _] && appUrl == url);
        var pid = int.Parse(row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
        System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
    }

    /// <summary>
    /// The pid of instance <paramref name="index"/> of an app (in dapr.yaml order), from the launcher's status table
    /// (APP, APP URL, DAPR HTTP, DAPR GRPC, PID). Sidecars run inside the launcher; this is the app's own process.
    /// </summary>
    public int Pid(string appId, int index = 0)
    {
        var rows = _launcher.Lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells is [var app, _, _, _, var pid] && app == appId && pid.All(char.IsAsciiDigit))
            .ToList();
        if (index >= rows.Count)
            throw new InvalidOperationException($"the launcher's status table has {rows.Count} row(s) for '{appId}'");
        return int.Parse(rows[index][^1], CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL to an app process, as a crash would; the launcher does not restart it.</summary>
    public void Kill(string appId, int index = 0) => Signals.Send(Pid(appId, index), Signals.Kill);

    /// <summary>SIGSTOP: the app keeps its sockets but answers nothing until <see cref="Resume"/>.</summary>
    public void Pause(string appId, int index = 0) => Signals.Send(Pid(appId, index), Signals.Stop);

    public void Resume(string appId, int index = 0) => Signals.Send(Pid(appId, index), Signals.Continue);

    public static async Task<ChatSystem> StartAsync(string profile = "embedded", int gateways = 1, RedisServer? redis = null, ChatSystemOptions? options = null)
    {
        options ??= new ChatSystemOptions();
        var dir = Directory.CreateTempSubdirectory("chatdapr-e2e-").FullName;
        var components = Directory.CreateDirectory(Path.Combine(dir, "components")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "components", profile), "*.yaml"))
            await File.WriteAllTextAsync(Path.Combine(components, Path.GetFileName(file)), Localize(await File.ReadAllTextAsync(file), dir, options.RedisAddress ?? redis?.Address));

        var gatewayPorts = Enumerable.Range(0, gateways).Select(_ => Ports.Free()).ToList();
        var runFile = Path.Combine(dir, "dapr.yaml");
        await File.WriteAllTextAsync(runFile, RunFile(components, gatewayPorts, options));
        var launcher = ChildProcess.Start(RepoPaths.Dll("tools/LocalDapr", "localdapr.dll"), ["run", "-f", runFile, "--start-timeout", "120"]);
        try
        {
            await launcher.WaitForLineAsync(l => l.Contains("ChatDapr is up"), "the launcher reports the system up", TimeSpan.FromSeconds(150));
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }
        return new ChatSystem(dir, launcher, gatewayPorts.Select(p => new Uri($"http://127.0.0.1:{p}/")).ToList());
    }

    private static string Localize(string yaml, string dir, string? redisAddress)
    {
        yaml = yaml.Replace("\".localdapr/", $"\"{dir}/", StringComparison.Ordinal)
            .Replace("\"components/", $"\"{RepoPaths.RepoRoot}/components/", StringComparison.Ordinal);
        return redisAddress is null ? yaml : yaml.Replace("localhost:6379", redisAddress, StringComparison.Ordinal);
    }

    private static string Heartbeat(ChatSystemOptions options) =>
        options.PresenceHeartbeatInterval is { } interval
            ? $"    Presence__HeartbeatInterval: \"{interval.ToString("c", CultureInfo.InvariantCulture)}\""
            : "";

    private static string RunFile(string components, IReadOnlyList<int> gatewayPorts, ChatSystemOptions options)
    {
        var burst = options.SendBurst.ToString(CultureInfo.InvariantCulture);
        var perSecond = options.SendsPerSecond.ToString(CultureInfo.InvariantCulture);
        var yaml = new StringBuilder($"""
            version: 1
            common:
              resourcesPath: {components}
              env:
                ASPNETCORE_ENVIRONMENT: Development
                Gateway__RateLimit__SendBurst: "{burst}"
                Gateway__RateLimit__SendsPerSecond: "{perSecond}"
            {Heartbeat(options)}
            x-launcher:
              readyMessage: ChatDapr is up
            apps:

            """);
        void App(string appId, string project, string dll, int? port = null)
        {
            yaml.Append($"""
                - appID: {appId}
                  appDirPath: {Path.Combine(RepoPaths.RepoRoot, project)}
                  command: ["{RepoPaths.DotnetHost}", "{RepoPaths.Dll(project, dll)}"]

                """);
            if (port is not null)
                yaml.Append($"  appPort: {port}\n");
        }
        foreach (var port in gatewayPorts)
            App("gateway", "services/Gateway", "ChatDapr.Gateway.dll", port);
        App("rooms", "services/Rooms", "ChatDapr.Rooms.dll");
        App("messages", "services/Messages", "ChatDapr.Messages.dll");
        App("presence", "services/Presence", "ChatDapr.Presence.dll");
        return yaml.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _launcher.Terminate();
        await _launcher.WaitForExitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _launcher.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
