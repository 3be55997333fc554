namespace ChatDapr.LocalDapr.Launcher;

/// <summary>Why an app did not come up, with its last output lines.</summary>
public sealed record StartFailure(RunningApp App, string Reason, IReadOnlyList<string> LastLines);

/// <summary>Waits until every sidecar's <c>/v1.0/healthz</c> answers 204 (its app is reachable), watching for apps that exit.</summary>
public static class HealthWait
{
    /// <param name="ready">Called once per app as it becomes healthy, so the launcher can show progress.</param>
    public static async Task<StartFailure?> WaitAsync(IReadOnlyList<RunningApp> apps, TimeSpan timeout, Action<RunningApp> ready, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var pending = apps.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0)
        {
            foreach (var app in pending.ToList())
            {
                if (app.Process!.Exited.IsCompleted)
                {
                    var code = await app.Process.Exited;
                    return new StartFailure(app, $"exited with code {code} during start", app.Process.Tail());
                }
                if (await IsHealthyAsync(http, app, stop))
                {
                    pending.Remove(app);
                    ready(app);
                }
            }
            if (pending.Count > 0 && DateTime.UtcNow >= deadline)
            {
                var late = pending[0];
                return new StartFailure(late,
                    $"did not become healthy within {timeout.TotalSeconds:0}s (its sidecar's /v1.0/healthz never answered 204: is it listening on port {late.AppPort}?)",
                    late.Process!.Tail());
            }
            if (pending.Count > 0)
                await Task.Delay(100, stop);
        }
        return null;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, RunningApp app, CancellationToken stop)
    {
        try
        {
            using var response = await http.GetAsync($"{app.Sidecar.HttpEndpoint}/v1.0/healthz", stop);
            return response.StatusCode == System.Net.HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
