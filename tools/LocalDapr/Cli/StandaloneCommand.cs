using System.Net.Sockets;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Cli;

/// <summary><c>localdapr --app-id x ...</c>: one sidecar for one app, a drop-in for a standalone daprd.</summary>
public static class StandaloneCommand
{
    public static async Task<int> RunAsync(StandaloneSettings settings, Func<string, IClusterRegistry> registryFactory, CancellationToken stop)
    {
        foreach (var warning in settings.Warnings)
            await Console.Error.WriteLineAsync($"warning: {warning}");
        await using var registry = registryFactory(settings.RegistryDir);
        SidecarHost host;
        try
        {
            host = await SidecarHost.StartAsync(settings.Options, new SidecarEnvironment(registry, new ComponentPool(), ListenForSignals: false), stop);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"cannot listen on ports {settings.Options.HttpPort}/{settings.Options.GrpcPort}: {e.Message}");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        await using (host)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // SIGINT/SIGTERM: fall through to a clean stop.
            }
        }
        return 0;
    }
}
