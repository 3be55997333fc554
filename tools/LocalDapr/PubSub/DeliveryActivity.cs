using System.Diagnostics;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The span a delivery runs under, continuing the event's trace (daprd likewise starts a span per delivery). HTTP client
/// tracing in the sidecar's process (OpenTelemetry's, in apps hosted beside an in-process sidecar) starts a span for the
/// request under <see cref="Activity.Current"/> and writes its <c>traceparent</c> over the one already set; the delivery
/// loops have no current Activity, so without this every delivery started a new trace.
/// </summary>
internal static class DeliveryActivity
{
    public const string Name = "localdapr.pubsub.deliver";

    /// <summary>Null when the event carries no valid W3C traceparent; the caller then sends without one.</summary>
    public static Activity? Start(DeliveredEvent ev)
    {
        if (ev.TraceParent is not { Length: > 0 } traceParent
            || !ActivityContext.TryParse(traceParent, ev.TraceState, out var parent))
            return null;
        var activity = new Activity(Name);
        activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        activity.TraceStateString = parent.TraceState;
        return activity.Start();
    }
}
