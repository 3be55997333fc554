using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatDapr.Testing;

/// <summary>A .NET program run as a child process by a test: output captured line by line, stopped with real signals.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) return _lines.ToList(); }
    }

    public string Output => string.Join('\n', Lines);

    public static ChildProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(RepoPaths.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The child must not pick up settings meant for the test run itself.
        foreach (var name in new[] { "CHATDAPR_PROFILE", "DAPR_API_TOKEN", "APP_API_TOKEN", "ASPNETCORE_URLS", "DAPR_HTTP_PORT", "DAPR_GRPC_PORT" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return new ChildProcess(Process.Start(start)!);
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string because, TimeSpan? timeout = null)
    {
        try
        {
            await Poll.UntilAsync(() => Lines.Any(match), because, timeout ?? TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}. Output so far:\n{Output}");
        }
        return Lines.First(match);
    }

    /// <summary>SIGTERM, what a service manager or <c>kill</c> sends (Process.Kill would be SIGKILL).</summary>
    public void Terminate()
    {
        const int noSuchProcess = 3; // ESRCH: it has exited already, which is what was asked
        if (Kill(_process.Id, 15) != 0 && Marshal.GetLastPInvokeError() != noSuchProcess)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"process {_process.Id} did not exit. Output so far:\n{Output}");
        }
        return _process.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is not null)
            lock (_gate)
                _lines.Add(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
