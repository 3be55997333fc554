using System.Collections.Concurrent;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// The timers of one activation. They live only in memory and die with the activation, as in Dapr.
/// Each timer is a loop that waits for its due time and asks <c>fire</c> to run a turn; <c>fire</c> returning
/// false (the actor was deactivated) ends it.
/// </summary>
public sealed class ActorTimers
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _timers = new(StringComparer.Ordinal);
    private volatile bool _stopped;

    public int Count => _timers.Count;

    /// <summary>Starts (or replaces) the timer <paramref name="name"/>.</summary>
    public void Start(string name, ActorSchedule schedule, Func<CancellationToken, Task<bool>> fire)
    {
        var cts = new CancellationTokenSource();
        _timers.AddOrUpdate(name, cts, (_, old) =>
        {
            Cancel(old);
            return cts;
        });
        if (_stopped)
        {
            Stop(name);
            return;
        }
        _ = RunAsync(name, cts, schedule, fire);
    }

    public bool Stop(string name)
    {
        if (!_timers.TryRemove(name, out var cts))
            return false;
        Cancel(cts);
        return true;
    }

    public void StopAll()
    {
        _stopped = true;
        foreach (var name in _timers.Keys)
            Stop(name);
    }

    private async Task RunAsync(string name, CancellationTokenSource cts, ActorSchedule schedule, Func<CancellationToken, Task<bool>> fire)
    {
        var ct = cts.Token;
        try
        {
            var due = schedule.FirstDue;
            var remaining = schedule.InitialRemaining;
            while (true)
            {
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);
                if (schedule.ExpiresAt is { } end && due > end)
                    break;
                if (!await fire(ct))
                    break;
                if (ActorSchedule.Next(due, schedule.Period, remaining, schedule.ExpiresAt, DateTimeOffset.UtcNow) is not { } next)
                    break;
                (due, remaining) = next;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        // Finished on its own: forget it, unless a newer timer of the same name replaced it meanwhile.
        if (_timers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(name, cts)))
            cts.Dispose();
    }

    private static void Cancel(CancellationTokenSource cts)
    {
        try { cts.Cancel(); }
        catch (ObjectDisposedException) { }
    }
}
