using System.Text.Json;
using Dapr.Actors.Runtime;

namespace ChatDapr.Testing.Actors;

/// <summary>
/// An <see cref="IActorStateManager"/> for actor unit tests that behaves like the SDK's Dapr-backed one where it
/// matters: changes stay pending until <see cref="SaveStateAsync"/> commits them all at once (one transaction),
/// <see cref="ClearCacheAsync"/> drops pending changes, and values are JSON round-tripped so tests see exactly
/// what would be persisted.
/// </summary>
public sealed class InMemoryActorStateManager(JsonSerializerOptions? json = null) : IActorStateManager
{
    private readonly JsonSerializerOptions json = json ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> committed = new();
    private readonly Dictionary<string, string?> pending = new(); // null = removal
    private readonly Lock gate = new();

    /// <summary>How many non-empty transactions were committed.</summary>
    public int Commits { get; private set; }

    /// <summary>When set, the next <see cref="SaveStateAsync"/> throws it and commits nothing (a crash before persisting).</summary>
    public Exception? FailNextSave { get; set; }

    /// <summary>Whether <paramref name="key"/> is persisted (pending changes do not count).</summary>
    public bool IsCommitted(string key) { lock (gate) return committed.ContainsKey(key); }

    /// <summary>The persisted value of <paramref name="key"/>.</summary>
    public T ReadCommitted<T>(string key)
    {
        lock (gate) return JsonSerializer.Deserialize<T>(committed[key], this.json)!;
    }

    /// <summary>The persisted keys.</summary>
    public IReadOnlyList<string> CommittedKeys() { lock (gate) return committed.Keys.ToList(); }

    public Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var found = pending.TryGetValue(stateName, out var p) ? p : committed.GetValueOrDefault(stateName);
            return Task.FromResult(found is null
                ? new ConditionalValue<T>()
                : new ConditionalValue<T>(true, JsonSerializer.Deserialize<T>(found, this.json)!));
        }
    }

    public async Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        var value = await TryGetStateAsync<T>(stateName, cancellationToken);
        return value.HasValue ? value.Value : throw new KeyNotFoundException(stateName);
    }

    public async Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        (await TryGetStateAsync<JsonElement>(stateName, cancellationToken)).HasValue;

    public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        lock (gate) pending[stateName] = JsonSerializer.Serialize(value, this.json);
        return Task.CompletedTask;
    }

    public Task SetStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        SetStateAsync(stateName, value, cancellationToken);

    public async Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        if (await ContainsStateAsync(stateName, cancellationToken))
            return false;
        await SetStateAsync(stateName, value, cancellationToken);
        return true;
    }

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        TryAddStateAsync(stateName, value, cancellationToken);

    public async Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        if (!await TryAddStateAsync(stateName, value, cancellationToken))
            throw new InvalidOperationException($"State {stateName} already exists");
    }

    public Task AddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddStateAsync(stateName, value, cancellationToken);

    public async Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        if (!await ContainsStateAsync(stateName, cancellationToken))
            return false;
        lock (gate) pending[stateName] = null;
        return true;
    }

    public async Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        if (!await TryRemoveStateAsync(stateName, cancellationToken))
            throw new KeyNotFoundException(stateName);
    }

    public async Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        var existing = await TryGetStateAsync<T>(stateName, cancellationToken);
        if (existing.HasValue)
            return existing.Value;
        await SetStateAsync(stateName, value, cancellationToken);
        return value;
    }

    public Task<T> GetOrAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        GetOrAddStateAsync(stateName, value, cancellationToken);

    public async Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default)
    {
        var existing = await TryGetStateAsync<T>(stateName, cancellationToken);
        var value = existing.HasValue ? updateValueFactory(stateName, existing.Value) : addValue;
        await SetStateAsync(stateName, value, cancellationToken);
        return value;
    }

    public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddOrUpdateStateAsync(stateName, addValue, updateValueFactory, cancellationToken);

    // There is no read cache here (reads see the store), so unloading only concerns pending changes.
    public Task UnloadStateAsync(string stateName, UnloadStateOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (pending.ContainsKey(stateName) && options?.AllowUnloadingWhenStateModified != true)
                throw new InvalidOperationException($"State {stateName} has unsaved changes");
            pending.Remove(stateName);
        }
        return Task.CompletedTask;
    }

    public Task ClearCacheAsync(CancellationToken cancellationToken = default)
    {
        lock (gate) pending.Clear();
        return Task.CompletedTask;
    }

    public Task SaveStateAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (FailNextSave is { } failure)
            {
                FailNextSave = null;
                throw failure;
            }
            if (pending.Count == 0)
                return Task.CompletedTask;
            foreach (var (key, value) in pending)
            {
                if (value is null)
                    committed.Remove(key);
                else
                    committed[key] = value;
            }
            pending.Clear();
            Commits++;
        }
        return Task.CompletedTask;
    }
}
