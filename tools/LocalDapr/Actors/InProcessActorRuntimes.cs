using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatDapr.LocalDapr.Cluster;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// The actor runtimes of the sidecars that share one cluster registry object, i.e. run in this process as one
/// deployment (the launcher runs every app's sidecar in one process). A method call for an actor another of them owns
/// goes straight to that runtime instead of through an HTTP request to its port: the same turn, activation and app
/// call, without a loopback round trip per call — profiled, every chat send paid one (gateway sidecar → rooms
/// sidecar). Sidecars with their own registry (other processes, or tests that stand in for them) are still reached
/// over HTTP.
/// </summary>
public sealed class InProcessActorRuntimes
{
    private static readonly ConditionalWeakTable<IClusterRegistry, InProcessActorRuntimes> ByRegistry = new();

    private readonly ConcurrentDictionary<string, ActorRuntime> _runtimes = new(StringComparer.Ordinal);

    public static InProcessActorRuntimes Of(IClusterRegistry registry) => ByRegistry.GetValue(registry, _ => new InProcessActorRuntimes());

    public void Register(string instanceId, ActorRuntime runtime) => _runtimes[instanceId] = runtime;

    public void Unregister(string instanceId) => _runtimes.TryRemove(instanceId, out _);

    public bool TryGet(string instanceId, out ActorRuntime runtime) => _runtimes.TryGetValue(instanceId, out runtime!);
}
