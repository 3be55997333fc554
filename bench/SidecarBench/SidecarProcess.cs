using System.Diagnostics;
using System.Globalization;
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
    private readonly Dictionary<string, long> _jitTicks = [];
    private TimeSpan _lastJit = TimeSpan.MinValue;
    private long _lastJitChange;

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
    /// CPU time and context switches of the sidecar's live threads (/proc/&lt;pid&gt;/task/*/stat and status). A context
    /// switch is a thread going to sleep or being woken, so per hop they count the hand-offs a request makes, and unlike
    /// CPU time they barely move with machine load. The JIT share is the ".NET Tiered Com" thread: tiered compilation
    /// recompiling hot code in the background, a one-time cost that takes longer to finish on a loaded machine.
    /// </summary>
    public SidecarSample Sample()
    {
        long switches = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    // Fields after the ") " that ends the thread name: state is field 3, utime 14 and stime 15.
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    _jitTicks[Path.GetFileName(task)] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        switches += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        // The JIT thread ends when idle and a new one starts later, so its time is kept per thread id, ended ones
        // included. /proc counts in clock ticks of 1/100 s (USER_HZ).
        return new SidecarSample(CpuTime, TimeSpan.FromMilliseconds(_jitTicks.Values.Sum() * 10), switches);
    }

    /// <summary>
    /// True once the background JIT has used no CPU for <paramref name="quiet"/>: warm-up lasts until then, so the
    /// measured section counts the steady per-hop cost and not the end of tiered compilation.
    /// </summary>
    public bool JitSettled(TimeSpan quiet)
    {
        var jit = Sample().JitCpu;
        if (jit != _lastJit)
        {
            _lastJit = jit;
            _lastJitChange = Stopwatch.GetTimestamp();
            return false;
        }
        return Stopwatch.GetElapsedTime(_lastJitChange) >= quiet;
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
