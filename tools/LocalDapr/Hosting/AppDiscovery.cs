using System.Net;
using System.Text.Json;

namespace ChatDapr.LocalDapr.Hosting;

/// <summary>Waits for the app port, then reads <c>/dapr/config</c> and <c>/dapr/subscribe</c> like daprd does at start.</summary>
public sealed partial class AppDiscovery(
    AppChannel channel, AppReadiness readiness, IHostApplicationLifetime lifetime, ILogger<AppDiscovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.HasApp)
        {
            readiness.SetReady(AppInfo.None);
            return;
        }
        try
        {
            // Consumers of discovery may stop the sidecar (a subscription it cannot serve); stopping while Kestrel is
            // still binding its ports would fail the start instead, so discover only once the ports are open.
            await WhenStartedAsync(stoppingToken);
            await WaitForAppAsync(stoppingToken);
            var config = await GetJsonAsync("dapr/config", stoppingToken);
            var subscriptions = await GetJsonAsync("dapr/subscribe", stoppingToken);
            LogAppReady(logger, channel.Options.AppId, channel.Options.AppPort!.Value);
            readiness.SetReady(new AppInfo(config, subscriptions));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            readiness.SetFailed(new OperationCanceledException("sidecar stopped before the app was ready"));
        }
        catch (Exception e)
        {
            LogAppFailed(logger, channel.Options.AppId, e.Message);
            readiness.SetFailed(e);
        }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct).ContinueWith(t => { registration.Dispose(); return t; }, TaskScheduler.Default).Unwrap();
    }

    private async Task WaitForAppAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + channel.Options.AppStartTimeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                using var socket = new System.Net.Sockets.TcpClient();
                await socket.ConnectAsync(channel.Options.AppHost, channel.Options.AppPort!.Value, ct);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            }
            catch (System.Net.Sockets.SocketException)
            {
                throw new TimeoutException(
                    $"app '{channel.Options.AppId}' did not open port {channel.Options.AppPort} within {channel.Options.AppStartTimeout.TotalSeconds:0}s");
            }
        }
    }

    private async Task<JsonElement?> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await channel.Client.GetAsync(path, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed || !response.IsSuccessStatusCode)
            return null;
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (body.Length == 0)
            return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "app '{AppId}' is reachable on port {AppPort}")]
    private static partial void LogAppReady(ILogger logger, string appId, int appPort);

    [LoggerMessage(Level = LogLevel.Error, Message = "app '{AppId}' is not ready: {Reason}")]
    private static partial void LogAppFailed(ILogger logger, string appId, string reason);
}
