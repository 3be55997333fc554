using ChatDapr.LocalDapr.Cluster;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// <c>localdapr run</c>: starts every app of a Multi-App Run file, each with an in-process sidecar (one shared
/// registry and component pool, so in-memory components are shared), waits until all are healthy, prints where
/// everything is, and on SIGINT/SIGTERM stops the apps' process trees, then the sidecars, and exits 0.
/// </summary>
public static class LaunchCommand
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(RunArguments args, CancellationToken stop)
    {
        var file = RunFileParser.Parse(args.FilePath, args.Profile);
        var console = new LauncherConsole();
        console.Line($"localdapr: starting {file.Apps.Count} app(s) from {file.Path} (profile {args.Profile.Name})");
        await using var registry = new InProcessClusterRegistry();
        var running = new List<RunningApp>();
        try
        {
            foreach (var app in file.Apps)
            {
                console.Line($"localdapr: starting {app.AppId} and its sidecar");
                running.Add(await RunningApp.StartAsync(running.Count, app, registry, console, args.StartTimeout, stop));
            }
            var readyCount = 0;
            var failure = await HealthWait.WaitAsync(running, args.StartTimeout,
                app => console.Line($"localdapr: {app.App.AppId} is ready ({++readyCount}/{running.Count})"), stop);
            if (failure is not null)
            {
                Report(console, failure);
                return 1;
            }
            foreach (var line in StatusTable.Render(running))
                console.Line(line);
            console.Line($"{file.Ready.Message}: {file.Ready.Url ?? running[0].AppUrl}");
            await WatchUntilStoppedAsync(running, console, stop);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            await StopAllAsync(running, console);
        }
    }

    /// <summary>An app that ends after start is reported; the others keep running, as with dapr run -f.</summary>
    private static async Task WatchUntilStoppedAsync(List<RunningApp> running, LauncherConsole console, CancellationToken stop)
    {
        var watched = running.ToList();
        var stopped = Task.Delay(Timeout.Infinite, stop);
        while (true)
        {
            var exits = watched.Select(a => (Task)a.Process!.Exited).ToList();
            var done = await Task.WhenAny(exits.Prepend(stopped));
            if (done == stopped)
                return;
            var app = watched[exits.IndexOf(done)];
            watched.Remove(app);
            console.AppLine(app.Index, "APP", app.App.AppId, $"exited with code {await app.Process!.Exited}");
        }
    }

    private static void Report(LauncherConsole console, StartFailure failure)
    {
        console.Error($"error: app '{failure.App.App.AppId}' {failure.Reason}. Last {failure.LastLines.Count} log lines:");
        foreach (var line in failure.LastLines)
            console.Error($"  | {line}");
    }

    private static async Task StopAllAsync(List<RunningApp> running, LauncherConsole console)
    {
        if (running.Count == 0)
            return;
        console.Line("localdapr: stopping apps, then sidecars");
        await Task.WhenAll(running.Where(r => r.Process is not null).Select(r => r.Process!.StopAsync(StopGrace)));
        foreach (var app in Enumerable.Reverse(running))
        {
            app.Process?.Dispose();
            await app.Sidecar.DisposeAsync();
        }
        running.Clear();
        console.Line("localdapr: stopped");
    }
}
