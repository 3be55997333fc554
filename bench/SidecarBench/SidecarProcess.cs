using System.Diagnostics;
using ChatDapr.Testing;

namespace ChatDapr.SidecarBench;

/// <summary>
/// The local sidecar as its own OS process (<c>dotnet localdapr.dll</c> with daprd's flags), as apps run it. Its CPU
/// time comes from the kernel (/proc/&lt;pid&gt;/stat via <see cref="Process.TotalProcessorTime"/>), so the figure is the
/// sidecar's alone: no client, app or Redis client code is counted.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _registryDir;

    private SidecarProcess(Process process, string registryDir, int httpPort, int grpcPort)
    {
        _process = process;
        _registryDir = registryDir;
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    public string HttpEndpoint { get; }
    public string GrpcEndpoint { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Context switches of the sidecar's live threads (voluntary + involuntary, from /proc/&lt;pid&gt;/task/*/status):
    /// each is a thread going to sleep or being woken, so per hop it counts the hand-offs a request makes, and unlike
    /// CPU time it barely moves with machine load.
    /// </summary>
    public long ContextSwitches
    {
        get
        {
            long total = 0;
            foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
            {
                try
                {
                    foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                        if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                            total += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
            return total;
        }
    }

    /// <summary>Starts the sidecar and waits until it is healthy (with an app: until the app was discovered).</summary>
    public static async Task<SidecarProcess> StartAsync(string resourcesPath, string appId, int? appPort)
    {
        var (http, grpc) = (Ports.Free(), Ports.Free());
        var registry = Directory.CreateTempSubdirectory("sidecar-bench-registry-").FullName;
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "localdapr.dll"), "--app-id", appId, "--dapr-http-port", $"{http}",
                "--dapr-grpc-port", $"{grpc}", "--resources-path", resourcesPath, "--log-level", "warn", "--registry-dir", registry,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (appPort is { } port)
        {
            psi.ArgumentList.Add("--app-port");
            psi.ArgumentList.Add($"{port}");
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start localdapr");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sidecar = new SidecarProcess(process, registry, http, grpc);
        using var client = new HttpClient();
        var health = sidecar.HttpEndpoint + (appPort is null ? "/v1.0/healthz/outbound" : "/v1.0/healthz");
        await Poll.UntilAsync(async () => (await client.GetAsync(health)).IsSuccessStatusCode, $"localdapr {appId} is healthy", TimeSpan.FromSeconds(60));
        return sidecar;
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
            Console.Error.WriteLine("[localdapr] " + line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_registryDir, recursive: true);
    }
}
