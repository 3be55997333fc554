namespace ChatDapr.LocalDapr.Components;

/// <summary>
/// Shares component instances between sidecars hosted in one process, so that in-process apps using
/// <c>pubsub.in-memory</c> or <c>state.in-memory</c> see each other's data (what a shared broker gives real Dapr).
/// Instances are keyed by name, type and metadata except <c>consumerID</c> (a per-subscriber setting),
/// and disposed when the last sidecar releases them.
/// </summary>
public sealed class ComponentPool
{
    /// <summary>The pool for sidecars that do not bring their own.</summary>
    public static ComponentPool Shared { get; } = new();

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Lease Acquire(ComponentDefinition def, ComponentContext context)
    {
        var key = KeyOf(def);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry(ComponentTypes.All[def.Type](def, context));
                _entries[key] = entry;
            }
            entry.References++;
            return new Lease(this, key, entry.Instance);
        }
    }

    private void Release(string key)
    {
        object? toDispose = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && --entry.References == 0)
            {
                _entries.Remove(key);
                toDispose = entry.Instance;
            }
        }
        switch (toDispose)
        {
            case IAsyncDisposable a: a.DisposeAsync().AsTask().GetAwaiter().GetResult(); break;
            case IDisposable d: d.Dispose(); break;
        }
    }

    private static string KeyOf(ComponentDefinition def) =>
        def.Name + "\n" + def.Type + "\n" + string.Join("\n", def.Metadata.Values
            .Where(kv => !kv.Key.Equals("consumerID", StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));

    private sealed class Entry(object instance)
    {
        public object Instance { get; } = instance;
        public int References { get; set; }
    }

    public sealed class Lease(ComponentPool pool, string key, object instance) : IDisposable
    {
        private int _disposed;
        public object Instance { get; } = instance;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                pool.Release(key);
        }
    }
}
