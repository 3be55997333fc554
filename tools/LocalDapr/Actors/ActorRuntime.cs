using System.Text.Json;
using ChatDapr.LocalDapr.Cluster;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Runs actor turns in this sidecar's app: implicit activation, one call at a time per actor (FIFO, optional
/// reentrancy), timers, and deactivation when idle or when placement moves the actor elsewhere.
/// </summary>
public sealed partial class ActorRuntime(ActorTable table, PlacementTable placement, ActorAppClient app, ILogger<ActorRuntime> logger)
{
    private volatile ActorConfig _config = ActorConfig.Empty;

    public ActorConfig Config => _config;

    public void Configure(ActorConfig config) => _config = config;

    public bool Hosts(string actorType) => _config.Entities.Contains(actorType);

    /// <summary>Runs a method call (or a reminder) as one turn, activating the actor if needed.</summary>
    public async Task<ActorResponse> InvokeAsync(ActorKey key, string method, ActorRequest request, CancellationToken ct)
    {
        var settings = _config.For(key.Type);
        string? reentrancyId = null;
        if (settings.ReentrancyEnabled)
        {
            // daprd starts a reentrancy chain for calls that do not carry one; the app passes it on to nested calls.
            reentrancyId = request.Header(ActorRequest.ReentrancyHeader) ?? Guid.NewGuid().ToString();
            request = request.WithHeader(ActorRequest.ReentrancyHeader, reentrancyId);
        }
        while (true)
        {
            var actor = table.Activate(key);
            actor.BeginCall();
            try
            {
                IDisposable turn;
                try
                {
                    turn = await actor.Turns.EnterAsync(reentrancyId, settings.MaxStackDepth, ct);
                }
                catch (ReentrancyDepthExceededException e)
                {
                    throw new ActorApiException(500, "ERR_ACTOR_INVOKE_METHOD", e.Message);
                }
                using (turn)
                {
                    if (actor.IsDeactivated)
                        continue; // queued behind a deactivation: run on the next activation
                    // Cancellation only covers the wait for the turn: abandoning a call the app is already running
                    // would end the turn while the actor is still busy, letting the next call overlap it.
                    return await app.InvokeAsync(key, method, request, CancellationToken.None);
                }
            }
            finally
            {
                actor.EndCall();
            }
        }
    }

    /// <summary>Starts (or replaces) a timer on an active actor; Dapr refuses timers for actors that are not active.</summary>
    public void StartTimer(ActorKey key, string name, ActorSchedule schedule, string? callback, JsonElement? data)
    {
        var actor = table.Find(key)
            ?? throw new ActorApiException(500, "ERR_ACTOR_TIMER_CREATE", $"can't create timer for actor {key}: actor not activated");
        var body = JsonSerializer.SerializeToUtf8Bytes(new TimerFire(callback ?? "", data, schedule.DueTimeText, schedule.TimerPeriodText));
        actor.Timers.Start(name, schedule, ct => FireTimerAsync(actor, name, body, ct));
    }

    public void StopTimer(ActorKey key, string name) => table.Find(key)?.Timers.Stop(name);

    /// <summary>One timer tick as a turn of that activation; false once the activation is gone (the timer ends).</summary>
    private async Task<bool> FireTimerAsync(ActiveActor actor, string name, byte[] body, CancellationToken ct)
    {
        if (actor.IsDeactivated)
            return false;
        actor.BeginCall();
        try
        {
            using var turn = await actor.Turns.EnterAsync(null, int.MaxValue, ct);
            if (actor.IsDeactivated)
                return false;
            var response = await app.FireTimerAsync(actor.Key, name, body, CancellationToken.None); // see InvokeAsync
            if (!response.IsSuccess)
                LogTimerFailed(logger, actor.Key.Type, actor.Key.Id, name, response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A failed tick (app restarting, say) does not end the timer, as in daprd.
            LogTimerFailed(logger, actor.Key.Type, actor.Key.Id, name, e.Message);
        }
        finally
        {
            actor.EndCall();
        }
        return true;
    }

    /// <summary>
    /// Tells the app to deactivate the actor once its current turn ends, waiting at most the drain timeout
    /// (not at all for a rebalanced actor when <c>drainRebalancedActors</c> is off). Never throws: it runs unobserved.
    /// </summary>
    public async Task DeactivateAsync(ActiveActor actor, string reason, bool rebalanced = false)
    {
        if (!actor.TryBeginDeactivation())
            return;
        var settings = _config.For(actor.Key.Type);
        actor.Timers.StopAll();
        IDisposable? turn = null;
        var drainFor = rebalanced && !settings.DrainRebalancedActors ? TimeSpan.Zero : settings.DrainOngoingCallTimeout;
        using (var drain = new CancellationTokenSource(drainFor))
        {
            try
            {
                turn = await actor.Turns.EnterAsync(null, int.MaxValue, drain.Token);
            }
            catch (OperationCanceledException)
            {
                LogDrainTimedOut(logger, actor.Key.Type, actor.Key.Id);
            }
        }
        try
        {
            // Tell the app first, then retire the activation: a call queued meanwhile starts a fresh activation
            // only after the app has dropped the old instance.
            await app.DeactivateAsync(actor.Key, CancellationToken.None);
            LogDeactivated(logger, actor.Key.Type, actor.Key.Id, reason);
        }
        catch (Exception e)
        {
            // The app may be gone (shutdown, crash); the activation is retired either way.
            LogDeactivateFailed(logger, actor.Key.Type, actor.Key.Id, e.Message);
        }
        finally
        {
            actor.MarkDeactivated();
            table.Remove(actor);
            turn?.Dispose();
        }
    }

    /// <summary>
    /// Deactivates actors idle for longer than their type's <c>actorIdleTimeout</c>. Timer ticks count as use,
    /// so an actor with a timer shorter than the idle timeout stays active.
    /// </summary>
    public void DeactivateIdle(DateTime nowUtc)
    {
        foreach (var actor in table.Snapshot())
            if (!actor.IsBusy && nowUtc - actor.LastUsedUtc >= _config.For(actor.Key.Type).IdleTimeout)
                _ = DeactivateAsync(actor, "idle");
    }

    /// <summary>After a placement change: deactivate local actors that another instance owns now.</summary>
    public void Rebalance()
    {
        if (!placement.SelfRegistered)
            return; // shutting down or not yet joined: the table is meaningless
        foreach (var actor in table.Snapshot())
            if (placement.OwnerOf(actor.Key.Type, actor.Key.Id) is { } owner && !placement.IsLocal(owner))
                _ = DeactivateAsync(actor, "rebalanced", rebalanced: true);
    }

    /// <summary>Stops every timer (sidecar shutdown); the app's instances are left to the app's own shutdown.</summary>
    public void StopTimers()
    {
        foreach (var actor in table.Snapshot())
            actor.Timers.StopAll();
    }

    private sealed record TimerFire(
        [property: System.Text.Json.Serialization.JsonPropertyName("callback")] string Callback,
        [property: System.Text.Json.Serialization.JsonPropertyName("data")] JsonElement? Data,
        [property: System.Text.Json.Serialization.JsonPropertyName("dueTime")] string DueTime,
        [property: System.Text.Json.Serialization.JsonPropertyName("period")] string Period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "deactivated actor {ActorType}/{ActorId} ({Reason})")]
    private static partial void LogDeactivated(ILogger logger, string actorType, string actorId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "deactivating actor {ActorType}/{ActorId} failed: {Reason}")]
    private static partial void LogDeactivateFailed(ILogger logger, string actorType, string actorId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "actor {ActorType}/{ActorId}: the ongoing call did not finish within the drain timeout; deactivating anyway")]
    private static partial void LogDrainTimedOut(ILogger logger, string actorType, string actorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "timer {TimerName} of actor {ActorType}/{ActorId} failed: {Reason}")]
    private static partial void LogTimerFailed(ILogger logger, string actorType, string actorId, string timerName, string reason);
}
