using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Bindings;

public static class BindingComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
        ["bindings.localstorage"] = (d, _) => new LocalStorageBinding(d),
        ["bindings.http"] = (d, _) => new HttpBinding(d),
    };
}
