namespace ChatDapr.LocalDapr.Cluster;

/// <summary>Where an actor lives, as this sidecar sees the cluster registry right now.</summary>
public sealed class PlacementTable(IClusterRegistry registry, Hosting.SidecarOptions options)
{
    public string SelfId => options.InstanceId;

    /// <summary>The instance that owns (type, id), or null when no live instance hosts the type.</summary>
    public SidecarInstance? OwnerOf(string actorType, string actorId) =>
        PlacementHash.Owner(actorType, actorId, registry.HostsOf(actorType));

    public bool IsLocal(SidecarInstance owner) => owner.InstanceId == options.InstanceId;

    /// <summary>False while this sidecar is not (or no longer) in the registry, e.g. during shutdown.</summary>
    public bool SelfRegistered => registry.InstancesOf(options.AppId).Any(i => i.InstanceId == options.InstanceId);

    /// <summary>
    /// Waits until some instance hosts <paramref name="actorType"/>: a sidecar that just started may not have
    /// seen its peers yet (daprd likewise waits for the placement table).
    /// </summary>
    public async Task<SidecarInstance?> WaitForOwnerAsync(string actorType, string actorId, TimeSpan timeout, CancellationToken ct)
    {
        var owner = OwnerOf(actorType, actorId);
        if (owner is not null || timeout <= TimeSpan.Zero)
            return owner;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged() => changed.TrySetResult();
        registry.Changed += OnChanged;
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                owner = OwnerOf(actorType, actorId);
                var left = deadline - DateTime.UtcNow;
                if (owner is not null || left <= TimeSpan.Zero)
                    return owner;
                // Re-check at least every 250 ms in case a change raced with the subscription.
                await Task.WhenAny(changed.Task, Task.Delay(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250), ct));
                ct.ThrowIfCancellationRequested();
                changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        finally
        {
            registry.Changed -= OnChanged;
        }
    }
}
