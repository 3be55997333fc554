namespace ChatDapr.LocalDapr.Cluster;

/// <summary>The registry for sidecars hosted in one process (launcher, tests).</summary>
public sealed class InProcessClusterRegistry : IClusterRegistry
{
    private readonly Lock _gate = new();
    private Dictionary<string, SidecarInstance> _instances = new(StringComparer.Ordinal);

    public event Action? Changed;

    public Task RegisterAsync(SidecarInstance self, CancellationToken ct)
    {
        lock (_gate)
            _instances = new Dictionary<string, SidecarInstance>(_instances, StringComparer.Ordinal) { [self.InstanceId] = self };
        Changed?.Invoke();
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string instanceId, CancellationToken ct)
    {
        bool removed;
        lock (_gate)
        {
            var copy = new Dictionary<string, SidecarInstance>(_instances, StringComparer.Ordinal);
            removed = copy.Remove(instanceId);
            _instances = copy;
        }
        if (removed)
            Changed?.Invoke();
        return Task.CompletedTask;
    }

    public IReadOnlyList<SidecarInstance> InstancesOf(string appId) =>
        _instances.Values.Where(i => i.AppId == appId).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SidecarInstance> HostsOf(string actorType) =>
        _instances.Values.Where(i => i.ActorTypes.Contains(actorType)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
