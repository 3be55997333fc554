namespace ChatDapr.LocalDapr.Hosting;

/// <summary>
/// A host lifetime that ignores process signals (the default console lifetime stops on SIGTERM by itself):
/// the CLI decides when its sidecars stop, after the apps that still use them during their own shutdown.
/// </summary>
public sealed class ExternalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
