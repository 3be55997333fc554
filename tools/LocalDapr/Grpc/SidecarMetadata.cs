using System.Collections.Concurrent;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Grpc;

public sealed record ComponentInfo(string Name, string Type, string Version, IReadOnlyList<string> Capabilities);

public sealed record MetadataSnapshot(
    string Id,
    string RuntimeVersion,
    IReadOnlyList<ComponentInfo> Components,
    IReadOnlyList<ActiveActorCount> Actors,
    IReadOnlyDictionary<string, string> Extended);

/// <summary>What GetMetadata reports (over gRPC and HTTP alike) and the extended attributes SetMetadata stores.</summary>
public sealed class SidecarMetadata(SidecarOptions options, ComponentCatalog catalog, IServiceProvider services)
{
    /// <summary>The daprd version whose wire protocol this sidecar follows.</summary>
    public const string RuntimeVersion = "1.19.1";

    private readonly ConcurrentDictionary<string, string> _extended = new(StringComparer.Ordinal);

    public void SetExtended(string key, string value)
    {
        if (string.IsNullOrEmpty(key))
            throw new ArgumentException("metadata key must not be empty");
        _extended[key] = value;
    }

    public MetadataSnapshot Snapshot()
    {
        var extended = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["daprRuntimeVersion"] = RuntimeVersion };
        foreach (var (key, value) in _extended)
            extended[key] = value;
        var actors = services.GetService<IActiveActorsReporter>()?.GetActiveActors() ?? [];
        var components = catalog.Definitions.Select(d => new ComponentInfo(d.Name, d.Type, d.Version, Capabilities(d))).ToList();
        return new MetadataSnapshot(options.AppId, RuntimeVersion, components, actors, extended);
    }

    // The capability names daprd reports for these building blocks.
    private IReadOnlyList<string> Capabilities(ComponentDefinition definition) => definition.Kind switch
    {
        "state" when catalog.StateStores.TryGetValue(definition.Name, out var s) && s.IsActorStateStore => ["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"],
        "state" => ["ETAG", "TRANSACTIONAL", "TTL"],
        "bindings" => ["OUTPUT_BINDING"],
        _ => [],
    };
}
