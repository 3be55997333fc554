using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.State;

public static class StateComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
        ["state.in-memory"] = (d, _) => new InMemoryStateStore(d),
        ["state.sqlite"] = (d, _) => new SqliteStateStore(d),
        ["state.redis"] = (d, _) => new RedisStateStore(d),
    };
}
