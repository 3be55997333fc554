namespace ChatDapr.LocalDapr.Secrets;

/// <summary>A secret store. A secret is a small map (most stores return one entry named like the key).</summary>
public interface ISecretStore
{
    string Name { get; }
    /// <summary>Null when the secret does not exist.</summary>
    IReadOnlyDictionary<string, string>? Get(string key);
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll();
}
