using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.State;

/// <summary>
/// What the gRPC and HTTP state APIs share: finding the store, validating and prefixing keys, and turning
/// request fields into <see cref="StateOperation"/>s.
/// </summary>
public sealed class StateAccess(ComponentCatalog catalog, SidecarOptions options)
{
    public const string StoreKind = "state store";

    public IStateStore Store(string? name) =>
        !string.IsNullOrEmpty(name) && catalog.StateStores.TryGetValue(name, out var store)
            ? store
            : throw new ComponentNotFoundException(StoreKind, name ?? "");

    /// <summary>The key as stored: app-prefixed per the component's keyPrefix. Dapr forbids the separator in keys.</summary>
    public string FullKey(IStateStore store, string? key)
    {
        if (string.IsNullOrEmpty(key))
            throw new ArgumentException("state key must not be empty");
        if (key.Contains(StateKeys.Separator, StringComparison.Ordinal))
            throw new ArgumentException($"input key/keyPrefix '{key}' can't contain '{StateKeys.Separator}'");
        return StateKeys.ForApp(store, options.AppId, options.Namespace, key);
    }

    public StateOperation Upsert(IStateStore store, string? key, byte[] value, string? etag, Concurrency concurrency,
        IReadOnlyDictionary<string, string>? metadata) =>
        new(StateOperationKind.Upsert, FullKey(store, key), value, NullIfEmpty(etag), concurrency, StateMetadata.RequestTtl(metadata));

    public StateOperation Delete(IStateStore store, string? key, string? etag, Concurrency concurrency) =>
        new(StateOperationKind.Delete, FullKey(store, key), null, NullIfEmpty(etag), concurrency);

    /// <summary>Dapr's wire names: <c>first-write</c> / <c>last-write</c>; anything else leaves the default.</summary>
    public static Concurrency ParseConcurrency(string? text) => text?.ToLowerInvariant() switch
    {
        "first-write" => Concurrency.FirstWrite,
        "last-write" => Concurrency.LastWrite,
        _ => Concurrency.Unspecified,
    };

    /// <summary>Transaction operation types; Dapr compares them case-insensitively.</summary>
    public static StateOperationKind ParseOperationType(string? text) => text?.ToLowerInvariant() switch
    {
        "upsert" => StateOperationKind.Upsert,
        "delete" => StateOperationKind.Delete,
        _ => throw new ArgumentException($"operation type {text} not supported"),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
