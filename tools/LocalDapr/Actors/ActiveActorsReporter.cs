using ChatDapr.LocalDapr.Grpc;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Feeds GetMetadata's <c>actors</c> list (active actors per type) from the actor table.</summary>
public sealed class ActiveActorsReporter(ActorTable table) : IActiveActorsReporter
{
    public IReadOnlyList<ActiveActorCount> GetActiveActors() =>
        table.CountsByType().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ActiveActorCount(kv.Key, kv.Value)).ToList();
}
