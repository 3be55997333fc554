using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Components;

/// <summary>What a component constructor gets besides its definition.</summary>
public sealed record ComponentContext(SidecarOptions Options, ILoggerFactory Loggers);

/// <summary>Creates a component instance (an IStateStore, IPubSub, IOutputBinding or ISecretStore).</summary>
public delegate object ComponentFactory(ComponentDefinition definition, ComponentContext context);

/// <summary>The component types this sidecar supports, gathered from each building block's table.</summary>
public static class ComponentTypes
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> All =
        new[] { State.StateComponents.Types, PubSub.PubSubComponents.Types, Bindings.BindingComponents.Types, Secrets.SecretComponents.Types }
            .SelectMany(t => t)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static string SupportedList => string.Join(", ", All.Keys.Order(StringComparer.Ordinal));
}
