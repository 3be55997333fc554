using System.Collections.Concurrent;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>The actors currently active in this sidecar's app.</summary>
public sealed class ActorTable
{
    private readonly ConcurrentDictionary<ActorKey, ActiveActor> _actors = new();

    /// <summary>The current activation, created on first use (activation is implicit, as in Dapr).</summary>
    public ActiveActor Activate(ActorKey key)
    {
        while (true)
        {
            var actor = _actors.GetOrAdd(key, static k => new ActiveActor(k));
            if (!actor.IsDeactivated)
                return actor;
            // A retired activation that is not removed yet: replace it (if another caller already did, re-read).
            _actors.TryUpdate(key, new ActiveActor(key), actor);
        }
    }

    public ActiveActor? Find(ActorKey key) =>
        _actors.TryGetValue(key, out var actor) && !actor.IsDeactivated ? actor : null;

    /// <summary>Removes exactly this activation (a newer one under the same key stays).</summary>
    public void Remove(ActiveActor actor) => _actors.TryRemove(new KeyValuePair<ActorKey, ActiveActor>(actor.Key, actor));

    public IReadOnlyList<ActiveActor> Snapshot() => _actors.Values.ToList();

    /// <summary>Active actor counts by type (what <c>GET /v1.0/metadata</c> reports as <c>actors</c>).</summary>
    public IReadOnlyDictionary<string, int> CountsByType() =>
        _actors.Values.Where(a => !a.IsDeactivated).GroupBy(a => a.Key.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
