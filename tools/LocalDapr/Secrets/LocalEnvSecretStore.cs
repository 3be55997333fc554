using System.Collections;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Secrets;

/// <summary>secretstores.local.env: environment variables, optionally restricted to a <c>prefix</c> that is stripped.</summary>
public sealed class LocalEnvSecretStore(ComponentDefinition definition) : ISecretStore
{
    private readonly string _prefix = definition.Metadata.Get("prefix") ?? "";

    public string Name { get; } = definition.Name;

    public IReadOnlyDictionary<string, string>? Get(string key) =>
        Environment.GetEnvironmentVariable(_prefix + key) is { } v ? new Dictionary<string, string> { [key] = v } : null;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => ((string)e.Key, e.Value as string ?? ""))
            .Where(e => e.Item1.StartsWith(_prefix, StringComparison.Ordinal))
            .ToDictionary(
                e => e.Item1[_prefix.Length..],
                e => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [e.Item1[_prefix.Length..]] = e.Item2 });
}
