using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.State;

public static class StateComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
    };
}
