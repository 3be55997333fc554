using System.Globalization;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.State;

/// <summary>
/// state.in-memory: a dictionary behind one lock. ETags are numbers from one store-wide counter, so a key that is
/// deleted and written again never gets an ETag a stale reader may still hold.
/// </summary>
public sealed class InMemoryStateStore(ComponentDefinition definition, TimeProvider? clock = null) : IStateStore
{
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly TimeSpan? _defaultTtl = StateMetadata.DefaultTtl(definition);
    private long _version;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public string Name { get; } = definition.Name;
    public bool IsActorStateStore { get; } = StateMetadata.IsActorStore(definition);
    public string KeyPrefix { get; } = StateMetadata.KeyPrefixOf(definition);

    /// <summary>Entries held, expired or not (tests check the sweep).</summary>
    internal int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public Task<StateItem?> GetAsync(string key, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(Live(key) is { } e ? new StateItem(e.Value, e.ETag) : null);
    }

    public Task<IReadOnlyDictionary<string, StateItem>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, StateItem>(StringComparer.Ordinal);
        lock (_gate)
            foreach (var key in keys)
                if (Live(key) is { } e)
                    found[key] = new StateItem(e.Value, e.ETag);
        return Task.FromResult<IReadOnlyDictionary<string, StateItem>>(found);
    }

    public Task SetAsync(StateOperation write, CancellationToken ct) => TransactAsync([write], ct);

    public Task DeleteAsync(StateOperation delete, CancellationToken ct) => TransactAsync([delete], ct);

    public Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            // Stage every change first so that a mismatch in any operation leaves the store untouched.
            var staged = new Dictionary<string, Entry?>(StringComparer.Ordinal);
            foreach (var op in operations)
            {
                var current = staged.TryGetValue(op.Key, out var s) ? s : Live(op.Key);
                ETagRules.Verify(op, current?.ETag);
                staged[op.Key] = op.Kind == StateOperationKind.Upsert
                    ? new Entry(op.Value ?? [], NextETag(), StateMetadata.ExpiresAt(op, _defaultTtl, now))
                    : null;
            }
            foreach (var (key, entry) in staged)
                if (entry is null) _entries.Remove(key);
                else _entries[key] = entry;
            SweepExpired(now);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> KeysAsync(string prefix, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return Task.FromResult<IReadOnlyList<string>>(keys.Where(k => Live(k) is not null).ToList());
        }
    }

    public Task<bool> PingAsync(CancellationToken ct) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The entry unless it expired (expired entries are dropped on sight). Caller holds the lock.</summary>
    private Entry? Live(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.ExpiresAt is { } at && at <= _clock.GetUtcNow())
        {
            _entries.Remove(key);
            return null;
        }
        return entry;
    }

    /// <summary>Entries nobody reads again would never expire on sight; drop them about once a minute. Caller holds the lock.</summary>
    private void SweepExpired(DateTimeOffset now)
    {
        if (now < _nextSweep)
            return;
        _nextSweep = now + SweepInterval;
        foreach (var key in _entries.Where(kv => kv.Value.ExpiresAt <= now).Select(kv => kv.Key).ToList())
            _entries.Remove(key);
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);

    private sealed record Entry(byte[] Value, string ETag, DateTimeOffset? ExpiresAt);
}
