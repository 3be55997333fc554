using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.PubSub;

public static class PubSubComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
    };
}
