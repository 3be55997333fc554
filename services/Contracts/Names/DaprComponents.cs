namespace ChatDapr.Contracts.Names;

/// <summary>Names of the Dapr components the services use; the component YAML profiles must use the same names.</summary>
public static class DaprComponents
{
    /// <summary>The pub/sub component every integration event is published to.</summary>
    public const string PubSub = "chat-pubsub";

    /// <summary>The state store (also the actor state store).</summary>
    public const string StateStore = "chat-statestore";
}
