using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Once the app is ready: reads its actor config, announces the actor types in the cluster registry, then keeps
/// placement, reminders and idle deactivation up to date (on every registry change, and on a timer).
/// </summary>
public sealed partial class ActorStartup(
    AppReadiness readiness,
    ActorRuntime runtime,
    ReminderScheduler reminders,
    PlacementMembership membership,
    IClusterRegistry registry,
    ReminderStore store,
    ILogger<ActorStartup> logger) : BackgroundService
{
    // Reminders created through another instance are picked up on registry changes; this poll is the safety net.
    private static readonly TimeSpan ReminderRescan = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _changed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AppInfo info;
        try
        {
            info = await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception)
        {
            return; // no app, or it never came up: nothing to host
        }
        var config = ActorConfig.Parse(info.ActorConfig);
        runtime.Configure(config);
        if (config.Entities.Count == 0)
            return;
        if (!store.Available)
            LogNoStateStore(logger, string.Join(", ", config.Entities));
        registry.Changed += OnChanged;
        try
        {
            await membership.SetActorTypesAsync(config.Entities, stoppingToken);
            LogHosting(logger, string.Join(", ", config.Entities));
            await RunAsync(config, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            registry.Changed -= OnChanged;
            reminders.Dispose();
            runtime.StopTimers();
        }
    }

    private async Task RunAsync(ActorConfig config, CancellationToken ct)
    {
        var nextIdleScan = DateTime.UtcNow + config.ScanInterval;
        var nextRescan = DateTime.UtcNow;
        var placementChanged = true;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (placementChanged)
                    runtime.Rebalance();
                if (placementChanged || DateTime.UtcNow >= nextRescan)
                {
                    await reminders.RescanAsync(config.Entities, ct);
                    nextRescan = DateTime.UtcNow + ReminderRescan;
                }
                if (DateTime.UtcNow >= nextIdleScan)
                {
                    runtime.DeactivateIdle(DateTime.UtcNow);
                    nextIdleScan = DateTime.UtcNow + config.ScanInterval;
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // A failing BackgroundService would stop the whole sidecar; log and try again on the next round.
                LogMaintenanceFailed(logger, e.Message);
            }
            var wake = (nextIdleScan < nextRescan ? nextIdleScan : nextRescan) - DateTime.UtcNow;
            placementChanged = await _changed.WaitAsync(wake > TimeSpan.Zero ? wake : TimeSpan.Zero, ct);
            // Coalesce a burst of changes into one rebalance.
            while (_changed.CurrentCount > 0)
                await _changed.WaitAsync(ct);
        }
    }

    // Raised on the registry's thread, possibly by another sidecar's registration: must never throw.
    private void OnChanged()
    {
        try { _changed.Release(); }
        catch (ObjectDisposedException) { }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "hosting actor types: {ActorTypes}")]
    private static partial void LogHosting(ILogger logger, string actorTypes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the app hosts actors ({ActorTypes}) but no state store sets actorStateStore: \"true\"; actor state and reminders will fail")]
    private static partial void LogNoStateStore(ILogger logger, string actorTypes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "actor maintenance failed: {Reason}")]
    private static partial void LogMaintenanceFailed(ILogger logger, string reason);
}
