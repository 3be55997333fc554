namespace ChatDapr.LocalDapr.Actors;

public readonly record struct ActorKey(string Type, string Id)
{
    public override string ToString() => $"{Type}/{Id}";
}

/// <summary>One activation of an actor in this sidecar's app: its turn lock, timers and idle clock.</summary>
public sealed class ActiveActor(ActorKey key)
{
    private int _pending;
    private long _lastUsedTicks = DateTime.UtcNow.Ticks;
    private int _deactivating;
    private volatile bool _deactivated;

    public ActorKey Key { get; } = key;

    public TurnLock Turns { get; } = new();

    public ActorTimers Timers { get; } = new();

    /// <summary>A call is running or queued; busy actors are never idle-deactivated.</summary>
    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    public DateTime LastUsedUtc => new(Interlocked.Read(ref _lastUsedTicks), DateTimeKind.Utc);

    /// <summary>Set once the app was told to deactivate; calls that queued on this activation start a new one.</summary>
    public bool IsDeactivated => _deactivated;

    public void BeginCall()
    {
        Interlocked.Increment(ref _pending);
        Touch();
    }

    public void EndCall()
    {
        Interlocked.Decrement(ref _pending);
        Touch();
    }

    /// <summary>True for exactly one caller: idle scans and rebalancing must not deactivate twice.</summary>
    public bool TryBeginDeactivation() => Interlocked.Exchange(ref _deactivating, 1) == 0;

    public void MarkDeactivated()
    {
        _deactivated = true;
        Timers.StopAll();
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsedTicks, DateTime.UtcNow.Ticks);
}
