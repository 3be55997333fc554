namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The broker cannot be reached (connection lost, timeout, broker still loading). The gRPC API answers
/// <c>Unavailable</c> so clients know a retry may succeed; HTTP answers 500 ERR_PUBSUB_PUBLISH_MESSAGE as daprd does.
/// </summary>
public sealed class PubSubUnavailableException(string pubsub, Exception inner)
    : Exception($"pubsub '{pubsub}' is unavailable: {inner.Message}", inner);
