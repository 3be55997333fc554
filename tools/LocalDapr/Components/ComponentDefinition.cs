namespace ChatDapr.LocalDapr.Components;

/// <summary>A Dapr <c>Component</c> resource as read from YAML, metadata already resolved.</summary>
public sealed record ComponentDefinition(
    string Name,
    string Type,
    string Version,
    ComponentMetadata Metadata,
    IReadOnlyList<string> Scopes,
    SourceLocation Source)
{
    /// <summary>The building block: the part of <see cref="Type"/> before the first dot (state, pubsub, bindings, secretstores).</summary>
    public string Kind => Type.Split('.', 2)[0];

    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);
}

/// <summary>A declarative <c>Subscription</c> resource (dapr.io/v2alpha1 or v1alpha1).</summary>
public sealed record SubscriptionDefinition(
    string Name,
    string PubsubName,
    string Topic,
    string? DefaultRoute,
    IReadOnlyList<(string Match, string Path)> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    SourceLocation Source)
{
    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);
}

public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
