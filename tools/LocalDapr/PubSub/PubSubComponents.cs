using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.PubSub;

public static class PubSubComponents
{
    public static readonly IReadOnlyDictionary<string, ComponentFactory> Types = new Dictionary<string, ComponentFactory>
    {
        ["pubsub.in-memory"] = (definition, context) => new InMemoryPubSub(definition, context),
        ["pubsub.redis"] = (definition, context) => new RedisStreamsPubSub(definition, context),
    };
}
