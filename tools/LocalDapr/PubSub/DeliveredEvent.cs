using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// A broker message read as the CloudEvent that goes to the app: the stored envelope as is, or, for a subscription
/// with <c>rawPayload</c>, a new envelope with the raw bytes in <c>data_base64</c> (what daprd builds on the
/// subscriber side, trace fields taken from the message metadata).
/// </summary>
internal sealed class DeliveredEvent : IDisposable
{
    private readonly JsonDocument _document;

    private DeliveredEvent(ReadOnlyMemory<byte> body, JsonDocument document)
    {
        Body = body;
        _document = document;
    }

    public ReadOnlyMemory<byte> Body { get; }
    public JsonElement Root => _document.RootElement;
    public string Id => Text("id") ?? "";
    public string? TraceParent => Text("traceparent") ?? Text("traceid");
    public string? TraceState => Text("tracestate");

    /// <summary>daprd drops events whose <c>expiration</c> (set from publish metadata ttlInSeconds) has passed.</summary>
    public bool IsExpired =>
        Text("expiration") is { } e
        && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        && at < DateTimeOffset.UtcNow;

    /// <summary>Null when the message is not a JSON object and the subscription does not take raw payloads.</summary>
    public static DeliveredEvent? TryCreate(BrokerMessage message, SubscriptionSpec spec)
    {
        var body = spec.RawPayload ? WrapRaw(message, spec) : message.CloudEvent;
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return new DeliveredEvent(body, document);
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] WrapRaw(BrokerMessage message, SubscriptionSpec spec)
    {
        var ce = new JsonObject
        {
            ["id"] = EventIds.New(),
            ["specversion"] = "1.0",
            ["datacontenttype"] = ContentTypes.OctetStream,
            ["source"] = "Dapr",
            ["type"] = CloudEventBuilder.EventType,
            ["topic"] = spec.Topic,
            ["pubsubname"] = spec.PubsubName,
            ["data_base64"] = Convert.ToBase64String(message.CloudEvent.Span),
        };
        if (message.Metadata.TryGetValue("traceparent", out var traceParent))
        {
            ce["traceparent"] = traceParent;
            ce["traceid"] = traceParent;
        }
        if (message.Metadata.TryGetValue("tracestate", out var traceState))
            ce["tracestate"] = traceState;
        return JsonSerializer.SerializeToUtf8Bytes(ce);
    }

    private string? Text(string name) =>
        Root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public void Dispose() => _document.Dispose();
}
