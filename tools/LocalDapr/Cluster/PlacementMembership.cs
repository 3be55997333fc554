namespace ChatDapr.LocalDapr.Cluster;

/// <summary>
/// This sidecar's entry in the cluster registry. The host joins once its ports are bound; actor discovery adds the
/// actor types later. Either may happen first, so both go through here and the registry always ends up with the
/// ports and the types (a plain re-register from the host could otherwise erase types registered a moment before).
/// </summary>
public sealed class PlacementMembership(IClusterRegistry registry)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Func<IReadOnlyList<string>, SidecarInstance>? _self;
    private IReadOnlyList<string> _actorTypes = [];

    public IReadOnlyList<string> ActorTypes => _actorTypes;

    /// <summary>Called by the host with a factory for its record (<c>SidecarHost.Self</c>).</summary>
    public async Task JoinAsync(Func<IReadOnlyList<string>, SidecarInstance> self, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _self = self;
            await registry.RegisterAsync(self(_actorTypes), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Announces the actor types the app reported in <c>/dapr/config</c>.</summary>
    public async Task SetActorTypesAsync(IReadOnlyList<string> actorTypes, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _actorTypes = actorTypes;
            if (_self is not null)
                await registry.RegisterAsync(_self(actorTypes), ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
