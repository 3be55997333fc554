using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.Secrets;

namespace ChatDapr.LocalDapr.Components;

/// <summary>Turns raw metadata into values: envRef, secretKeyRef (through the component's auth.secretStore) and templates.</summary>
public static class MetadataResolver
{
    public static ComponentDefinition Resolve(RawComponent raw, SidecarOptions options, IReadOnlyDictionary<string, ISecretStore> secretStores)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in raw.Metadata)
        {
            string value;
            if (item.SecretName is not null)
                value = FromSecret(raw, item, secretStores);
            else if (item.EnvRef is not null)
                value = Environment.GetEnvironmentVariable(item.EnvRef)
                    ?? throw new ResourceLoadException(item.Source, $"component '{raw.Name}': metadata '{item.Name}' refers to environment variable '{item.EnvRef}', which is not set");
            else
                value = item.Value ?? "";
            values[item.Name] = ApplyTemplates(value, options);
        }
        return new ComponentDefinition(raw.Name, raw.Type, raw.Version, new ComponentMetadata(raw.Name, raw.Source, values), raw.Scopes, raw.Source);
    }

    /// <summary>The templates daprd expands in metadata values.</summary>
    public static string ApplyTemplates(string value, SidecarOptions options) =>
        value.Contains('{')
            ? value.Replace("{uuid}", options.InstanceId, StringComparison.Ordinal)
                .Replace("{appID}", options.AppId, StringComparison.Ordinal)
                .Replace("{podName}", options.AppId + "-" + options.InstanceId[..8], StringComparison.Ordinal)
                .Replace("{namespace}", options.Namespace + "." + options.AppId, StringComparison.Ordinal)
            : value;

    private static string FromSecret(RawComponent raw, RawMetadataItem item, IReadOnlyDictionary<string, ISecretStore> stores)
    {
        var storeName = raw.SecretStore ?? "kubernetes";
        if (!stores.TryGetValue(storeName, out var store))
            throw new ResourceLoadException(item.Source,
                $"component '{raw.Name}': metadata '{item.Name}' uses secretKeyRef but secret store '{storeName}' is not defined (set auth.secretStore)");
        var secret = store.Get(item.SecretName!)
            ?? throw new ResourceLoadException(item.Source, $"component '{raw.Name}': secret '{item.SecretName}' not found in '{storeName}'");
        var key = item.SecretKey ?? item.SecretName!;
        return secret.TryGetValue(key, out var v)
            ? v
            : throw new ResourceLoadException(item.Source, $"component '{raw.Name}': secret '{item.SecretName}' has no key '{key}'");
    }
}
