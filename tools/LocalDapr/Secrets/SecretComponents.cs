using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Secrets;

public static class SecretComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
        ["secretstores.local.file"] = (d, _) => new LocalFileSecretStore(d),
        ["secretstores.local.env"] = (d, _) => new LocalEnvSecretStore(d),
    };
}
