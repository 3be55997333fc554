namespace ChatDapr.LocalDapr.Components;

/// <summary>An API call named a component this app cannot see (gRPC InvalidArgument, HTTP 400 ERR_*_NOT_FOUND).</summary>
public sealed class ComponentNotFoundException(string kind, string name)
    : Exception($"{kind} '{name}' is not found or not configured for this app")
{
    public string Kind { get; } = kind;
    public string ComponentName { get; } = name;
}
