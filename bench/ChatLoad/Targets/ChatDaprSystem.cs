using System.Globalization;
using System.Text;
using ChatDapr.Testing;

namespace ChatDapr.ChatLoad.Targets;

// The whole system as `make run` starts it — `localdapr run -f dapr.yaml` on the embedded profile, the Release builds
// dapr.yaml names, ASPNETCORE_ENVIRONMENT=Development as dapr.yaml sets — with three differences a benchmark needs:
// free ports instead of 5000-5003 (the machine is shared), the profile's data files in a temp folder (a fresh, empty
// store each run), and the gateway's per-user send limit (20 burst, 5/s by default) lifted through
// Gateway__RateLimit__*, because that limiter exists to stop one flooding client and would otherwise cap the load.
// Not the tests' ChatSystem: it also shortens presence heartbeats to 2 s for its crash tests, which would add
// background CPU that users never see.
public sealed class ChatDaprSystem : IAsyncDisposable
{
    public const int RateLimit = 1_000_000;
    public static readonly string[] Apps = ["gateway", "rooms", "messages", "presence"];

    private readonly string _dir;

    private ChatDaprSystem(string dir, ChildProcess launcher, Uri gateway)
    {
        _dir = dir;
        Launcher = launcher;
        Gateway = gateway;
    }

    public ChildProcess Launcher { get; }

    public Uri Gateway { get; }

    public static async Task<ChatDaprSystem> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("chatdapr-load-").FullName;
        var components = Directory.CreateDirectory(Path.Combine(dir, "components")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "components", "embedded"), "*.yaml"))
        {
            var yaml = (await File.ReadAllTextAsync(file))
                .Replace("\".localdapr/", $"\"{dir}/", StringComparison.Ordinal)
                .Replace("\"components/", $"\"{RepoPaths.RepoRoot}/components/", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(components, Path.GetFileName(file)), yaml);
        }
        var gatewayPort = Ports.Free();
        var runFile = Path.Combine(dir, "dapr.yaml");
        await File.WriteAllTextAsync(runFile, RunFile(components, gatewayPort));
        var launcher = ChildProcess.Start(RepoPaths.Dll("tools/LocalDapr", "localdapr.dll"), ["run", "-f", runFile, "--start-timeout", "120"]);
        try
        {
            await launcher.WaitForLineAsync(l => l.Contains("ChatDapr is up", StringComparison.Ordinal), "the launcher reports the system up", TimeSpan.FromSeconds(150));
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }
        return new ChatDaprSystem(dir, launcher, new Uri($"http://127.0.0.1:{gatewayPort}/"));
    }

    /// <summary>Each app's pid, from the status table the launcher prints once all are up (APP … PID).</summary>
    public int PidOf(string app) =>
        int.Parse(Launcher.Lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(r => r.Length == 5 && r[0] == app)[4], CultureInfo.InvariantCulture);

    private static string RunFile(string components, int gatewayPort)
    {
        var yaml = new StringBuilder($"""
            version: 1
            common:
              resourcesPath: {components}
              env:
                ASPNETCORE_ENVIRONMENT: Development
                Gateway__RateLimit__SendBurst: "{RateLimit}"
                Gateway__RateLimit__SendsPerSecond: "{RateLimit}"
            x-launcher:
              readyMessage: ChatDapr is up
            apps:

            """);
        foreach (var app in Apps)
        {
            var project = "services/" + char.ToUpperInvariant(app[0]) + app[1..];
            var dll = $"ChatDapr.{char.ToUpperInvariant(app[0])}{app[1..]}.dll";
            yaml.Append($"""
                - appID: {app}
                  appDirPath: {Path.Combine(RepoPaths.RepoRoot, project)}
                  appPort: {(app == "gateway" ? gatewayPort : Ports.Free())}
                  command: ["{RepoPaths.DotnetHost}", "{RepoPaths.Dll(project, dll)}"]

                """);
        }
        return yaml.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Launcher.Terminate();
        await Launcher.WaitForExitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        await Launcher.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
