using YamlDotNet.RepresentationModel;

namespace ChatDapr.LocalDapr.Components;

/// <summary>A metadata entry before resolution: exactly one of value, envRef or secretKeyRef is set.</summary>
public sealed record RawMetadataItem(string Name, string? Value, string? EnvRef, string? SecretName, string? SecretKey, SourceLocation Source);

public sealed record RawComponent(
    string Name, string Type, string Version, IReadOnlyList<RawMetadataItem> Metadata,
    IReadOnlyList<string> Scopes, string? SecretStore, SourceLocation Source);

public sealed record LoadedResources(
    IReadOnlyList<RawComponent> Components,
    IReadOnlyList<SubscriptionDefinition> Subscriptions);

/// <summary>
/// Reads Dapr resource YAML (the same files daprd reads with --resources-path): Component and Subscription
/// kinds; Configuration, Resiliency and HTTPEndpoint documents are accepted and ignored. Every error names file and line.
/// </summary>
public static class ResourceLoader
{
    public static LoadedResources Load(IEnumerable<string> paths)
    {
        var components = new List<RawComponent>();
        var subscriptions = new List<SubscriptionDefinition>();
        foreach (var file in EnumerateFiles(paths))
            foreach (var (doc, line) in ReadDocuments(file))
            {
                var at = new SourceLocation(file, line);
                var kind = Scalar(doc, "kind");
                switch (kind)
                {
                    case "Component": components.Add(ParseComponent(doc, at)); break;
                    case "Subscription": subscriptions.Add(ParseSubscription(doc, at)); break;
                    case null: throw new ResourceLoadException(at, "document has no 'kind'");
                    default: break; // Configuration, Resiliency, HTTPEndpoint: not needed by the local sidecar
                }
            }

        var duplicate = components.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ResourceLoadException(duplicate.Last().Source, $"component '{duplicate.Key}' is defined twice (first at {duplicate.First().Source})");
        return new LoadedResources(components, subscriptions);
    }

    private static IEnumerable<string> EnumerateFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path)) { yield return path; continue; }
            if (!Directory.Exists(path))
                throw new ResourceLoadException(new SourceLocation(path, 0), "resources path does not exist");
            foreach (var f in Directory.EnumerateFiles(path).Where(IsYaml).Order(StringComparer.Ordinal))
                yield return f;
        }
    }

    private static bool IsYaml(string f) => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static List<(YamlMappingNode Doc, int Line)> ReadDocuments(string file)
    {
        var stream = YamlFile.Load(file);
        var docs = new List<(YamlMappingNode, int)>();
        foreach (var d in stream.Documents)
        {
            if (d.RootNode is YamlMappingNode map) docs.Add((map, (int)map.Start.Line));
            else if (d.RootNode is not YamlScalarNode { Value: null or "" })
                throw new ResourceLoadException(new SourceLocation(file, (int)d.RootNode.Start.Line), "a resource document must be a mapping");
        }
        return docs;
    }

    private static RawComponent ParseComponent(YamlMappingNode doc, SourceLocation at)
    {
        var name = Scalar(Map(doc, "metadata"), "name") ?? throw new ResourceLoadException(at, "component has no metadata.name");
        var spec = Map(doc, "spec") ?? throw new ResourceLoadException(at, $"component '{name}' has no spec");
        var type = Scalar(spec, "type") ?? throw new ResourceLoadException(Loc(at, spec), $"component '{name}' has no spec.type");
        var items = new List<RawMetadataItem>();
        if (Child(spec, "metadata") is YamlSequenceNode seq)
            foreach (var node in seq.Children.OfType<YamlMappingNode>())
            {
                var where = Loc(at, node);
                var itemName = Scalar(node, "name") ?? throw new ResourceLoadException(where, $"component '{name}': a metadata entry has no name");
                var secretRef = Map(node, "secretKeyRef");
                var envRef = Scalar(node, "envRef");
                var value = Child(node, "value") switch
                {
                    YamlScalarNode s => s.Value,
                    null => null,
                    var complex => Serialize(complex),
                };
                if (value is null && secretRef is null && envRef is null)
                    throw new ResourceLoadException(where, $"component '{name}': metadata '{itemName}' needs value, secretKeyRef or envRef");
                items.Add(new RawMetadataItem(itemName, value, envRef, Scalar(secretRef, "name"), Scalar(secretRef, "key"), where));
            }
        var secretStore = Scalar(Map(doc, "auth"), "secretStore");
        return new RawComponent(name, type, Scalar(spec, "version") ?? "v1", items, Strings(doc, "scopes"), secretStore, at);
    }

    private static SubscriptionDefinition ParseSubscription(YamlMappingNode doc, SourceLocation at)
    {
        var name = Scalar(Map(doc, "metadata"), "name") ?? throw new ResourceLoadException(at, "subscription has no metadata.name");
        var spec = Map(doc, "spec") ?? throw new ResourceLoadException(at, $"subscription '{name}' has no spec");
        var pubsub = Scalar(spec, "pubsubname") ?? throw new ResourceLoadException(Loc(at, spec), $"subscription '{name}' has no spec.pubsubname");
        var topic = Scalar(spec, "topic") ?? throw new ResourceLoadException(Loc(at, spec), $"subscription '{name}' has no spec.topic");
        var rules = new List<(string, string)>();
        string? defaultRoute = Scalar(spec, "route"); // v1alpha1
        if (Map(spec, "routes") is { } routes)
        {
            defaultRoute = Scalar(routes, "default") ?? defaultRoute;
            if (Child(routes, "rules") is YamlSequenceNode rs)
                foreach (var r in rs.Children.OfType<YamlMappingNode>())
                    rules.Add((Scalar(r, "match") ?? "", Scalar(r, "path") ?? throw new ResourceLoadException(Loc(at, r), $"subscription '{name}': a rule has no path")));
        }
        if (defaultRoute is null && rules.Count == 0)
            throw new ResourceLoadException(Loc(at, spec), $"subscription '{name}' has no route");
        var meta = Map(spec, "metadata")?.Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => (kv.Value as YamlScalarNode)?.Value ?? "")
            ?? new Dictionary<string, string>();
        // Scopes of a Subscription sit at the top level in v2alpha1 and v1alpha1 alike.
        return new SubscriptionDefinition(name, pubsub, topic, defaultRoute?.TrimStart('/'), rules, Scalar(spec, "deadLetterTopic"),
            meta, Strings(doc, "scopes"), at);
    }

    private static SourceLocation Loc(SourceLocation file, YamlNode node) => new(file.File, (int)node.Start.Line);

    private static YamlNode? Child(YamlMappingNode? map, string key)
    {
        if (map is null) return null;
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) => Child(map, key) as YamlMappingNode;

    private static string? Scalar(YamlMappingNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static IReadOnlyList<string> Strings(YamlMappingNode map, string key) =>
        Child(map, key) is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() : [];

    private static string Serialize(YamlNode node)
    {
        var stream = new YamlStream(new YamlDocument(node));
        using var w = new StringWriter();
        stream.Save(w, assignAnchors: false);
        return w.ToString().TrimEnd('.', '\n', '\r', ' ');
    }
}
