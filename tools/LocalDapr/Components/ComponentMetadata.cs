using System.Globalization;

namespace ChatDapr.LocalDapr.Components;

/// <summary>Resolved <c>spec.metadata</c> of a component, with typed accessors that fail with located errors.</summary>
public sealed class ComponentMetadata(string componentName, SourceLocation source, IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? Get(string name) =>
        Values.TryGetValue(name, out var v) ? v
        : Values.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string Require(string name) =>
        Get(name) is { Length: > 0 } v
            ? v
            : throw new ResourceLoadException(source, $"component '{componentName}' is missing required metadata '{name}'");

    public bool GetBool(string name, bool fallback = false) =>
        Get(name) is { } v ? v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1" : fallback;

    public int GetInt(string name, int fallback) =>
        Get(name) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? i
                : throw new ResourceLoadException(source, $"component '{componentName}': metadata '{name}' must be an integer, got '{v}'")
            : fallback;

    public TimeSpan GetDuration(string name, TimeSpan fallback) =>
        Get(name) is { } v
            ? DurationParser.TryParse(v, out var d)
                ? d
                : throw new ResourceLoadException(source, $"component '{componentName}': metadata '{name}' must be a duration like 60s or 1m30s, got '{v}'")
            : fallback;
}
