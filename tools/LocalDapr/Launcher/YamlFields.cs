using System.Globalization;
using ChatDapr.LocalDapr.Components;
using YamlDotNet.RepresentationModel;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>Typed, located access to the fields of one YAML mapping; every error names file and line.</summary>
public sealed class YamlFields(string file, YamlMappingNode map)
{
    public SourceLocation Location => At(map);

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line);

    public YamlNode? Node(string key)
    {
        // Field names are matched without case: a miscased key must not silently drop a setting.
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase))
                return v is YamlScalarNode { Value: null or "", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : v; // "key:" alone
        return null;
    }

    public string? String(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw Error(other, $"'{key}' must be a single value"),
    };

    public int? Port(string key)
    {
        if (Node(key) is not { } node)
            return null;
        var text = (node as YamlScalarNode)?.Value;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Error(node, $"'{key}' must be a port number (1-65535), got '{text}'");
    }

    public YamlFields? Mapping(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlFields(file, m),
        var other => throw Error(other, $"'{key}' must be a mapping"),
    };

    public IReadOnlyList<(string Value, SourceLocation At)> Strings(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { } v }
            ? (v, At(c))
            : throw Error(c, $"every entry of '{key}' must be a single value")).ToList(),
        var other => throw Error(other, $"'{key}' must be a list"),
    };

    public IReadOnlyList<YamlFields> Mappings(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlMappingNode m
            ? new YamlFields(file, m)
            : throw Error(c, $"every entry of '{key}' must be a mapping")).ToList(),
        var other => throw Error(other, $"'{key}' must be a list"),
    };

    public IReadOnlyDictionary<string, string> StringMap(string key) => Node(key) switch
    {
        null => new Dictionary<string, string>(),
        YamlMappingNode m => m.Children.ToDictionary(
            kv => (kv.Key as YamlScalarNode)?.Value ?? throw Error(kv.Key, $"'{key}' keys must be names"),
            kv => (kv.Value as YamlScalarNode)?.Value ?? throw Error(kv.Value, $"'{key}' values must be single values"),
            StringComparer.Ordinal),
        var other => throw Error(other, $"'{key}' must be a mapping of names to values"),
    };

    public ResourceLoadException Error(YamlNode node, string message) => new(At(node), message);
}
