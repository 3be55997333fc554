using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>W3C trace context the caller sent, passed on to brokers and bindings so traces stay connected.</summary>
internal static class TraceContext
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    public static string? Parent(ServerCallContext context) => context.RequestHeaders.GetValue(TraceParent);

    public static string? State(ServerCallContext context) => context.RequestHeaders.GetValue(TraceState);

    /// <summary>Adds the trace headers to request metadata unless the caller set them explicitly.</summary>
    public static void AddTo(IDictionary<string, string> metadata, ServerCallContext context)
    {
        if (Parent(context) is { Length: > 0 } parent)
            metadata.TryAdd(TraceParent, parent);
        if (State(context) is { Length: > 0 } state)
            metadata.TryAdd(TraceState, state);
    }
}
