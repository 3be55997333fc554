using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>The publish request carried something that cannot become a CloudEvent (daprd: ERR_PUBSUB_CLOUD_EVENTS_SER).</summary>
public sealed class InvalidCloudEventException(string message) : ArgumentException(message);

/// <summary>
/// Builds the CloudEvents 1.0 JSON envelope the way daprd does: a new envelope around the data, or the app's own
/// envelope (content type application/cloudevents+json) completed with the fields daprd always sets.
/// Publish metadata <c>cloudevent.id|source|type|subject|time</c> overrides attributes and <c>ttlInSeconds</c>
/// sets <c>expiration</c>, as in daprd.
/// </summary>
internal static partial class CloudEventBuilder
{
    public const string EventType = "com.dapr.event.sent";

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(PublishRequestData request, string appId)
    {
        var traceParent = request.TraceParent is { Length: > 0 } tp ? tp : NewTraceParent();
        var traceState = request.TraceState ?? "";
        if (!ContentTypes.IsCloudEvent(request.ContentType))
            return NewEnvelope(request, appId, traceParent, traceState);
        var ce = FromAppEnvelope(request, appId, traceParent, traceState);
        if (Expiration(request) is { } expiration)
            ce["expiration"] = expiration;
        return Encoding.UTF8.GetBytes(ce.ToJsonString(Output));
    }

    /// <summary>A W3C traceparent for a publish that came without one (daprd always has a span to put there).</summary>
    public static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    public static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject FromAppEnvelope(PublishRequestData request, string appId, string traceParent, string traceState)
    {
        if (!TryParseJson(request.Data.Span, out var node) || node is not JsonObject ce)
            throw new InvalidCloudEventException($"cannot create cloudevent: the data of a publish to topic '{request.Topic}' is not a JSON object although its content type is {ContentTypes.CloudEvent}");
        // daprd overwrites routing and trace fields and fills the required attributes the app left out.
        ce["topic"] = request.Topic;
        ce["pubsubname"] = request.PubsubName;
        ce["traceid"] = traceParent;
        ce["traceparent"] = traceParent;
        ce["tracestate"] = traceState;
        ce.TryAdd("id", EventIds.New());
        ce.TryAdd("specversion", "1.0");
        ce.TryAdd("source", appId);
        ce.TryAdd("type", EventType);
        ce.TryAdd("time", Rfc3339(DateTime.UtcNow));
        return ce;
    }

    private static string? Expiration(PublishRequestData request) =>
        Meta(request, "ttlInSeconds") is { } ttl ? Rfc3339(DateTime.UtcNow.AddSeconds(ParseTtl(ttl))) : null;

    private static bool TryParseJson(ReadOnlySpan<byte> data, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(data);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    private static string? Meta(PublishRequestData request, string key) =>
        request.Metadata.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static long ParseTtl(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? s
            : throw new ArgumentException($"metadata ttlInSeconds must be a non-negative integer, got '{value}'");
}
