using ChatDapr.Contracts.Names;

namespace ChatDapr.Testing;

// In-memory components under the names the services use, for test clusters: one store (also the actor store) and the
// brokers, shared by every sidecar of a cluster.
public static class ChatComponents
{
    public static readonly string StateStore = $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {DaprComponents.StateStore}
        spec:
          type: state.in-memory
          version: v1
          metadata:
          - name: actorStateStore
            value: "true"
        """;

    public static readonly string PubSub = $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {DaprComponents.PubSub}
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: redeliverInterval
            value: "100ms"
        """;

    // Every event is also published to the gateways' fan-out component (DaprEventPublisher), so it must exist.
    public static readonly string Fanout = $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {DaprComponents.Fanout}
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: consumerID
            value: "{"{uuid}"}"
        """;
}
