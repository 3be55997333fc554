namespace ChatDapr.LocalDapr.State;

public enum Concurrency { Unspecified, FirstWrite, LastWrite }

/// <summary>A stored value and its ETag. Values are opaque bytes: the sidecar never re-encodes them.</summary>
public sealed record StateItem(byte[] Value, string ETag);

public enum StateOperationKind { Upsert, Delete }

/// <summary>One write. <see cref="Key"/> is the full store key (already prefixed, see <see cref="StateKeys"/>).</summary>
public sealed record StateOperation(
    StateOperationKind Kind,
    string Key,
    byte[]? Value = null,
    string? ETag = null,
    Concurrency Concurrency = Concurrency.Unspecified,
    TimeSpan? Ttl = null)
{
    /// <summary>Dapr's rule: an ETag given is checked unless the caller asked for last-write-wins.</summary>
    public bool ChecksETag => !string.IsNullOrEmpty(ETag) && Concurrency != Concurrency.LastWrite;

    /// <summary>First-write-wins without an ETag means "only if absent".</summary>
    public bool RequiresAbsent => string.IsNullOrEmpty(ETag) && Concurrency == Concurrency.FirstWrite && Kind == StateOperationKind.Upsert;
}

/// <summary>An ETag did not match (or first-write found an existing key). Surfaces as gRPC <c>Aborted</c> / HTTP 409.</summary>
public sealed class ETagMismatchException(string key) : Exception($"possible etag mismatch for key '{key}'")
{
    public string Key { get; } = key;
}

/// <summary>The store cannot be reached; surfaces as gRPC <c>Unavailable</c> / HTTP 500 and health turns unhealthy.</summary>
public sealed class StoreUnavailableException(string store, Exception inner)
    : Exception($"state store '{store}' is unavailable: {inner.Message}", inner);

/// <summary>
/// A state component. Every operation is atomic; <see cref="TransactAsync"/> applies all operations or none
/// (an ETag mismatch anywhere aborts the whole transaction).
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    string Name { get; }

    /// <summary>True when the component's metadata says <c>actorStateStore: "true"</c>.</summary>
    bool IsActorStateStore { get; }

    /// <summary>The component's <c>keyPrefix</c> policy (appid, name, namespace, none or a literal).</summary>
    string KeyPrefix { get; }

    Task<StateItem?> GetAsync(string key, CancellationToken ct);

    Task<IReadOnlyDictionary<string, StateItem>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct);

    Task SetAsync(StateOperation write, CancellationToken ct);

    Task DeleteAsync(StateOperation delete, CancellationToken ct);

    Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct);

    /// <summary>Keys that start with <paramref name="prefix"/> (used for reminders and actor cleanup).</summary>
    Task<IReadOnlyList<string>> KeysAsync(string prefix, CancellationToken ct);

    Task<bool> PingAsync(CancellationToken ct);
}
