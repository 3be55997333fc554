using System.Globalization;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.State;

/// <summary>The component and request metadata every state store understands, parsed the same way for all of them.</summary>
public static class StateMetadata
{
    public const string ActorStateStore = "actorStateStore";
    public const string KeyPrefix = "keyPrefix";
    public const string TtlInSeconds = "ttlInSeconds";

    public static bool IsActorStore(ComponentDefinition definition) => definition.Metadata.GetBool(ActorStateStore);

    public static string KeyPrefixOf(ComponentDefinition definition) =>
        definition.Metadata.Get(KeyPrefix) is { Length: > 0 } prefix ? prefix : "appid";

    /// <summary>The component-level default TTL (<c>ttlInSeconds</c>), null when unset or not positive.</summary>
    public static TimeSpan? DefaultTtl(ComponentDefinition definition) =>
        definition.Metadata.GetInt(TtlInSeconds, 0) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>
    /// Request metadata <c>ttlInSeconds</c>: null when absent (the store's default applies); Dapr's <c>-1</c>
    /// (any value &lt;= 0) becomes <see cref="TimeSpan.Zero"/>, meaning "never expires", overriding the default.
    /// </summary>
    public static TimeSpan? RequestTtl(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(TtlInSeconds, out var text) || string.IsNullOrWhiteSpace(text))
            return null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            throw new ArgumentException($"metadata '{TtlInSeconds}' must be an integer, got '{text}'");
        return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>When a write expires: the request TTL wins over the component default; zero means never.</summary>
    public static DateTimeOffset? ExpiresAt(StateOperation write, TimeSpan? defaultTtl, DateTimeOffset now) =>
        (write.Ttl ?? defaultTtl) is { } ttl && ttl > TimeSpan.Zero ? now + ttl : null;
}
