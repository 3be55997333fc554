using System.Text.Json;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Secrets;

/// <summary>
/// secretstores.local.file: a JSON file; nested objects are flattened with <c>nestedSeparator</c> (default ":"),
/// or kept as one multi-valued secret when <c>multiValued</c> is true.
/// </summary>
public sealed class LocalFileSecretStore : ISecretStore
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _secrets = new(StringComparer.Ordinal);

    public LocalFileSecretStore(ComponentDefinition definition)
    {
        Name = definition.Name;
        var path = definition.Metadata.Require("secretsFile");
        if (!Path.IsPathRooted(path))
            path = Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new ResourceLoadException(definition.Source, $"component '{Name}': secretsFile '{path}' does not exist");
        var separator = definition.Metadata.Get("nestedSeparator") ?? ":";
        var multiValued = definition.Metadata.GetBool("multiValued");
        using var doc = ParseFile(path, definition.Source);
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            if (multiValued && prop.Value.ValueKind == JsonValueKind.Object)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(prop.Value, "", separator, values);
                _secrets[prop.Name] = values;
                continue;
            }
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(prop.Value, prop.Name, separator, flat);
            foreach (var (k, v) in flat)
                _secrets[k] = new Dictionary<string, string> { [k] = v };
        }
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string>? Get(string key) => _secrets.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() => _secrets;

    private static JsonDocument ParseFile(string path, SourceLocation source)
    {
        try { return JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ResourceLoadException(source, $"secretsFile '{path}' is not valid JSON: {e.Message}"); }
    }

    private static void Flatten(JsonElement e, string prefix, string separator, Dictionary<string, string> into)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            into[prefix] = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
            return;
        }
        foreach (var p in e.EnumerateObject())
            Flatten(p.Value, prefix.Length == 0 ? p.Name : prefix + separator + p.Name, separator, into);
    }
}
