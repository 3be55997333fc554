namespace ChatDapr.Contracts.Names;

/// <summary>Names of the Dapr components the services use; the component YAML profiles must use the same names.</summary>
public static class DaprComponents
{
    /// <summary>
    /// The pub/sub component every integration event is published to for background consumers. Its consumer ID is
    /// the app-id, so the instances of one app compete and each event is handled once per app.
    /// </summary>
    public const string PubSub = "chat-pubsub";

    /// <summary>
    /// The pub/sub component that carries the same events to every gateway instance. Its consumer ID is unique per
    /// instance (<c>{uuid}</c>, <c>{podName}</c> on Kubernetes), so each instance receives every event once and delivers
    /// it to its own SignalR connections. Subscriptions on it must deliver in publish order (concurrency 1).
    /// </summary>
    public const string Fanout = "chat-fanout";

    /// <summary>The state store (also the actor state store).</summary>
    public const string StateStore = "chat-statestore";

    /// <summary>The secret store (e.g. the gateway's JWT signing key).</summary>
    public const string Secrets = "chat-secrets";
}
