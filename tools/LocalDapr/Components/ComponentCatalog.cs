using ChatDapr.LocalDapr.Bindings;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.LocalDapr.Secrets;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Components;

/// <summary>The components one sidecar can use (scopes applied), by building block and name.</summary>
public sealed class ComponentCatalog : IAsyncDisposable
{
    private readonly List<IDisposable> _leases = [];

    private ComponentCatalog() { }

    public IReadOnlyList<ComponentDefinition> Definitions { get; private set; } = [];
    public IReadOnlyList<SubscriptionDefinition> Subscriptions { get; private set; } = [];
    public Dictionary<string, IStateStore> StateStores { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IPubSub> PubSubs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IOutputBinding> Bindings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ISecretStore> SecretStores { get; } = new(StringComparer.Ordinal);

    /// <summary>The state store marked <c>actorStateStore: "true"</c>, if any.</summary>
    public IStateStore? ActorStateStore => StateStores.Values.FirstOrDefault(s => s.IsActorStateStore);

    public ComponentDefinition Definition(string name) => Definitions.First(d => d.Name == name);

    /// <summary>Loads and creates every component visible to the app. Throws <see cref="ResourceLoadException"/> on bad input.</summary>
    public static ComponentCatalog Create(SidecarOptions options, ILoggerFactory loggers, ComponentPool pool)
    {
        var loaded = ResourceLoader.Load(options.ResourcesPaths);
        var catalog = new ComponentCatalog
        {
            Subscriptions = loaded.Subscriptions.Where(s => s.IsVisibleTo(options.AppId)).ToList(),
        };
        var context = new ComponentContext(options, loggers);
        var visible = loaded.Components.Where(c => c.Scopes.Count == 0 || c.Scopes.Contains(options.AppId)).ToList();
        foreach (var raw in visible)
            if (!ComponentTypes.All.ContainsKey(raw.Type))
                throw new ResourceLoadException(raw.Source, $"component '{raw.Name}' has unknown type '{raw.Type}'. Supported types: {ComponentTypes.SupportedList}");

        var definitions = new List<ComponentDefinition>();
        // Secret stores first: other components may resolve secretKeyRef through them.
        foreach (var raw in visible.Where(r => r.Type.StartsWith("secretstores.", StringComparison.Ordinal)))
        {
            var def = MetadataResolver.Resolve(raw, options, catalog.SecretStores);
            catalog.SecretStores[def.Name] = (ISecretStore)catalog.Lease(pool, def, context);
            definitions.Add(def);
        }
        foreach (var raw in visible.Where(r => !r.Type.StartsWith("secretstores.", StringComparison.Ordinal)))
        {
            var def = MetadataResolver.Resolve(raw, options, catalog.SecretStores);
            var instance = catalog.Lease(pool, def, context);
            switch (instance)
            {
                case IStateStore s: catalog.StateStores[def.Name] = s; break;
                case IPubSub p: catalog.PubSubs[def.Name] = p; break;
                case IOutputBinding b: catalog.Bindings[def.Name] = b; break;
            }
            definitions.Add(def);
        }
        if (catalog.StateStores.Values.Count(s => s.IsActorStateStore) > 1)
            throw new ResourceLoadException(visible[0].Source, "more than one state store sets actorStateStore: \"true\"");
        catalog.Definitions = definitions;
        return catalog;
    }

    private object Lease(ComponentPool pool, ComponentDefinition def, ComponentContext context)
    {
        var lease = pool.Acquire(def, context);
        _leases.Add(lease);
        return lease.Instance;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var lease in _leases)
            lease.Dispose();
        _leases.Clear();
        return ValueTask.CompletedTask;
    }
}
