using System.Collections.Concurrent;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Fires the persisted reminders of the actors this instance owns. One loop per reminder re-reads the record,
/// waits for its due time, claims the occurrence with an ETag-guarded write (so two instances that both believe
/// they own the actor during a placement change cannot fire it twice), then fires it as a turn of the actor.
/// </summary>
public sealed partial class ReminderScheduler(ReminderStore store, PlacementTable placement, ActorRuntime runtime, ILogger<ReminderScheduler> logger) : IDisposable
{
    // A sleeping loop wakes at least this often to notice re-registration or removal by another instance.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<ReminderRef, CancellationTokenSource> _loops = new();

    public int Scheduled => _loops.Count;

    /// <summary>Starts the loop of a reminder that was just created or replaced (a running loop is restarted).</summary>
    public void Restart(ReminderRef reminder)
    {
        Stop(reminder);
        Start(reminder);
    }

    public void Stop(ReminderRef reminder)
    {
        if (_loops.TryRemove(reminder, out var cts))
            cts.Cancel();
    }

    /// <summary>Schedules the stored reminders this instance owns and stops the ones it no longer owns.</summary>
    public async Task RescanAsync(IReadOnlyList<string> actorTypes, CancellationToken ct)
    {
        if (!store.Available)
            return;
        var stored = new HashSet<ReminderRef>();
        foreach (var type in actorTypes)
            foreach (var reminder in await store.ListAsync(type, ct))
            {
                stored.Add(reminder);
                if (Owns(reminder) && !_loops.ContainsKey(reminder))
                    Start(reminder);
            }
        foreach (var reminder in _loops.Keys)
            if (!stored.Contains(reminder) || !Owns(reminder))
                Stop(reminder);
    }

    private bool Owns(ReminderRef reminder) =>
        placement.OwnerOf(reminder.ActorType, reminder.ActorId) is { } owner && placement.IsLocal(owner);

    private void Start(ReminderRef reminder)
    {
        var cts = new CancellationTokenSource();
        if (_loops.TryAdd(reminder, cts))
            _ = RunAsync(reminder, cts);
    }

    private async Task RunAsync(ReminderRef reminder, CancellationTokenSource cts)
    {
        var ct = cts.Token;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (!await StepAsync(reminder, ct))
                        break;
                }
                catch (Exception e) when (e is StoreUnavailableException or HttpRequestException or IOException or ActorApiException)
                {
                    LogReminderFailed(logger, reminder.ActorType, reminder.ActorId, reminder.Name, e.Message);
                    await Task.Delay(RetryDelay, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Unexpected: drop this loop; the periodic rescan starts a fresh one.
            LogReminderFailed(logger, reminder.ActorType, reminder.ActorId, reminder.Name, e.Message);
        }
        finally
        {
            _loops.TryRemove(new KeyValuePair<ReminderRef, CancellationTokenSource>(reminder, cts));
        }
    }

    /// <summary>One pass: wait, or claim and fire the due occurrence. False when the reminder is gone or not ours.</summary>
    private async Task<bool> StepAsync(ReminderRef reminder, CancellationToken ct)
    {
        if (await store.GetAsync(reminder, ct) is not var (record, etag) || !Owns(reminder))
            return false;
        var now = DateTimeOffset.UtcNow;
        var wait = record.NextDue - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait < MaxSleep ? wait : MaxSleep, ct);
            return true;
        }
        var expired = record.ExpiresAt is { } end && record.NextDue > end;
        var next = expired ? null : ActorSchedule.Next(record.NextDue, record.Interval, record.Remaining, record.ExpiresAt, now);
        var successor = next is { } n ? record with { NextDue = n.Due, Remaining = n.Remaining } : null;
        if (!await store.TryAdvanceAsync(reminder, successor, etag, ct))
            return true; // someone else changed it: re-read
        if (expired)
            return false;
        var response = await runtime.InvokeAsync(reminder.Actor, "remind/" + ActorAppClient.Escape(reminder.Name), ActorRequest.Json(record.FireBody()), ct);
        if (!response.IsSuccess)
            LogReminderRejected(logger, reminder.ActorType, reminder.ActorId, reminder.Name, response.Status);
        return successor is not null;
    }

    public void Dispose()
    {
        foreach (var reminder in _loops.Keys)
            Stop(reminder);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "reminder {ReminderName} of actor {ActorType}/{ActorId} failed: {Reason}")]
    private static partial void LogReminderFailed(ILogger logger, string actorType, string actorId, string reminderName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reminder {ReminderName} of actor {ActorType}/{ActorId}: the app answered {Status}")]
    private static partial void LogReminderRejected(ILogger logger, string actorType, string actorId, string reminderName, int status);
}
