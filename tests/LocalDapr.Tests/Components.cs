namespace ChatDapr.LocalDapr.Tests;

/// <summary>Component YAML snippets for tests.</summary>
public static class Components
{
    public static string InMemoryState(string name = "statestore", bool actorStore = true) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: state.in-memory
          version: v1
          metadata:
          - name: actorStateStore
            value: "{(actorStore ? "true" : "false")}"
        """;

    public static string SqliteState(string file, string name = "statestore", bool actorStore = true) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: state.sqlite
          version: v1
          metadata:
          - name: connectionString
            value: "{file}"
          - name: actorStateStore
            value: "{(actorStore ? "true" : "false")}"
        """;

    public static string RedisState(string address, string name = "statestore", bool actorStore = true) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: state.redis
          version: v1
          metadata:
          - name: redisHost
            value: "{address}"
          - name: actorStateStore
            value: "{(actorStore ? "true" : "false")}"
        """;

    public static string InMemoryPubSub(string name = "pubsub", string? consumerId = null) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: consumerID
            value: "{consumerId ?? "{appID}"}"
        """;

    public static string RedisPubSub(string address, string name = "pubsub", string? consumerId = null, string redeliverInterval = "2s") => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: pubsub.redis
          version: v1
          metadata:
          - name: redisHost
            value: "{address}"
          - name: consumerID
            value: "{consumerId ?? "{appID}"}"
          - name: redeliverInterval
            value: "{redeliverInterval}"
          - name: processingTimeout
            value: "{redeliverInterval}"
        """;
}
