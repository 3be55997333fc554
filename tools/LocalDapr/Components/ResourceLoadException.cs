namespace ChatDapr.LocalDapr.Components;

/// <summary>A resource file that cannot be used; the message starts with <c>file:line</c>.</summary>
public sealed class ResourceLoadException(SourceLocation location, string message)
    : Exception($"{location}: {message}")
{
    public SourceLocation Location { get; } = location;
}
