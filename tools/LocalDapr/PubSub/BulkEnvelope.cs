using System.Text.Json;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// daprd's bulk-subscribe request body and response. The local sidecar delivers bulk subscriptions one event per
/// request (an envelope with a single entry): apps written for bulk delivery work unchanged, only batching is absent.
/// </summary>
internal static class BulkEnvelope
{
    public const string EventType = "com.dapr.event.sent.bulk";

    public static byte[] Write(string entryId, DeliveredEvent ev, SubscriptionSpec spec, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", EventIds.New());
            w.WriteString("type", EventType);
            w.WriteString("topic", spec.Topic);
            w.WriteString("pubsubname", spec.PubsubName);
            WriteMap(w, "metadata", metadata);
            w.WriteStartArray("entries");
            w.WriteStartObject();
            w.WriteString("entryId", entryId);
            w.WritePropertyName("event");
            w.WriteRawValue(ev.Body.Span, skipInputValidation: true);
            WriteMap(w, "metadata", metadata);
            w.WriteString("contentType", ContentTypes.CloudEvent);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The status the app gave our entry; a missing status or an unreadable body means retry, as in daprd.</summary>
    public static AppAnswer Outcome(byte[] body, string entryId)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (Property(doc.RootElement, "statuses") is { ValueKind: JsonValueKind.Array } statuses)
                foreach (var s in statuses.EnumerateArray())
                    if (Property(s, "entryId") is { ValueKind: JsonValueKind.String } id && id.GetString() == entryId
                        && Property(s, "status") is { } status)
                        return AppDeliverer.FromStatus(status);
            return new AppAnswer(DeliveryOutcome.Retry, "no status for the entry");
        }
        catch (JsonException)
        {
            return new AppAnswer(DeliveryOutcome.Retry, "unreadable bulk response");
        }
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map)
            w.WriteString(k, v);
        w.WriteEndObject();
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var p in obj.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }
}
