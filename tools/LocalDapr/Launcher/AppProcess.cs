using System.ComponentModel;
using System.Diagnostics;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>One app's process: started in its appDirPath, output prefixed onto the launcher's console, last lines kept.</summary>
public sealed class AppProcess : IDisposable
{
    public const int TailLength = 20;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private AppProcess(Process process, LauncherConsole console, int appIndex, string appId)
    {
        _process = process;
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_gate)
            {
                _tail.Enqueue(e.Data);
                if (_tail.Count > TailLength)
                    _tail.Dequeue();
            }
            console.AppLine(appIndex, "APP", appId, e.Data);
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Exited = WaitForExitCodeAsync();
    }

    public int Id => _process.Id;

    /// <summary>The exit code, once the process ended and its output was read to the end.</summary>
    public Task<int> Exited { get; }

    public static AppProcess Start(RunApp app, IReadOnlyDictionary<string, string> environment, LauncherConsole console, int appIndex)
    {
        var executable = app.Command[0];
        // As with dapr run, a relative program path is relative to the app's directory, not the launcher's.
        if (executable.Contains('/') && !Path.IsPathRooted(executable))
            executable = Path.GetFullPath(Path.Combine(app.AppDirPath, executable));
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = app.AppDirPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in app.Command.Skip(1))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        try
        {
            return new AppProcess(Process.Start(start)!, console, appIndex, app.AppId);
        }
        catch (Win32Exception e)
        {
            throw new Components.ResourceLoadException(app.Source, $"app '{app.AppId}': cannot start '{app.Command[0]}': {e.Message}");
        }
    }

    public IReadOnlyList<string> Tail()
    {
        lock (_gate)
            return _tail.ToList();
    }

    public Task StopAsync(TimeSpan grace) => ProcessTree.TerminateAsync(_process, grace);

    public void Dispose() => _process.Dispose();

    private async Task<int> WaitForExitCodeAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }
}
