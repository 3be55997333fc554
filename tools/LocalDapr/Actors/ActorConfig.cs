using System.Text.Json;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Settings that may differ per actor type (<c>entitiesConfig</c> in <c>/dapr/config</c>).</summary>
public sealed record ActorTypeSettings(
    TimeSpan IdleTimeout,
    TimeSpan DrainOngoingCallTimeout,
    bool DrainRebalancedActors,
    bool ReentrancyEnabled,
    int MaxStackDepth)
{
    /// <summary>daprd's defaults: 60 min idle timeout, 60 s drain, reentrancy off with depth 32.</summary>
    public static ActorTypeSettings Default { get; } = new(TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(60), true, false, 32);
}

/// <summary>What the app's <c>GET /dapr/config</c> says about its actors.</summary>
public sealed record ActorConfig(
    IReadOnlyList<string> Entities,
    TimeSpan ScanInterval,
    ActorTypeSettings Defaults,
    IReadOnlyDictionary<string, ActorTypeSettings> Overrides)
{
    public static readonly TimeSpan DefaultScanInterval = TimeSpan.FromSeconds(30);

    public static ActorConfig Empty { get; } = new([], DefaultScanInterval, ActorTypeSettings.Default, new Dictionary<string, ActorTypeSettings>());

    public ActorTypeSettings For(string actorType) => Overrides.TryGetValue(actorType, out var s) ? s : Defaults;

    /// <summary>Parses the config leniently (field names in any case; bad values fall back to defaults), like daprd.</summary>
    public static ActorConfig Parse(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root)
            return Empty;
        var defaults = ApplySettings(root, ActorTypeSettings.Default);
        var overrides = new Dictionary<string, ActorTypeSettings>(StringComparer.Ordinal);
        if (Property(root, "entitiesConfig") is { ValueKind: JsonValueKind.Array } entries)
            foreach (var entry in entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                foreach (var type in Strings(Property(entry, "entities")))
                    overrides[type] = ApplySettings(entry, defaults);
        var scan = Duration(Property(root, "actorScanInterval")) ?? DefaultScanInterval;
        return new ActorConfig(Strings(Property(root, "entities")), scan, defaults, overrides);
    }

    private static ActorTypeSettings ApplySettings(JsonElement obj, ActorTypeSettings basis)
    {
        var settings = basis with
        {
            IdleTimeout = Duration(Property(obj, "actorIdleTimeout")) ?? basis.IdleTimeout,
            DrainOngoingCallTimeout = Duration(Property(obj, "drainOngoingCallTimeout")) ?? basis.DrainOngoingCallTimeout,
            DrainRebalancedActors = Property(obj, "drainRebalancedActors") is { ValueKind: JsonValueKind.True or JsonValueKind.False } d
                ? d.GetBoolean() : basis.DrainRebalancedActors,
        };
        if (Property(obj, "reentrancy") is { ValueKind: JsonValueKind.Object } reentrancy)
        {
            settings = settings with
            {
                ReentrancyEnabled = Property(reentrancy, "enabled") is { ValueKind: JsonValueKind.True },
                MaxStackDepth = Property(reentrancy, "maxStackDepth") is { ValueKind: JsonValueKind.Number } depth && depth.TryGetInt32(out var n) && n > 0
                    ? n : ActorTypeSettings.Default.MaxStackDepth,
            };
        }
        return settings;
    }

    private static JsonElement? Property(JsonElement obj, string name) => JsonFields.Get(obj, name);

    private static List<string> Strings(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0).Distinct().ToList()
            : [];

    private static TimeSpan? Duration(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s && DurationParser.TryParse(s.GetString(), out var t) && t > TimeSpan.Zero ? t : null;
}
