using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatDapr.LocalDapr.PubSub;

internal static partial class CloudEventBuilder
{
    // The same writer settings JsonNode.ToJsonString(Output) uses, so both paths produce the same bytes.
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 64 };

    /// <summary>
    /// Written straight to UTF-8 (the hot path of every publish): no JSON DOM, and JSON data is copied through a
    /// pooled <see cref="JsonDocument"/>, which validates and compacts it as a DOM round trip would.
    /// </summary>
    private static byte[] NewEnvelope(PublishRequestData request, string appId, string traceParent, string traceState)
    {
        var contentType = request.ContentType is { Length: > 0 } c ? c : ContentTypes.TextPlain;
        using var json = ContentTypes.IsJson(contentType) ? TryParseDocument(request.Data) : null;
        var buffer = new ArrayBufferWriter<byte>(request.Data.Length + 512);
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteString("id", Meta(request, "cloudevent.id") ?? EventIds.New());
            w.WriteString("specversion", "1.0");
            w.WriteString("source", Meta(request, "cloudevent.source") ?? appId);
            w.WriteString("type", Meta(request, "cloudevent.type") ?? EventType);
            w.WriteString("datacontenttype", contentType);
            w.WriteString("topic", request.Topic);
            w.WriteString("pubsubname", request.PubsubName);
            w.WriteString("traceid", traceParent);
            w.WriteString("traceparent", traceParent);
            w.WriteString("tracestate", traceState);
            w.WriteString("time", Meta(request, "cloudevent.time") ?? Rfc3339(DateTime.UtcNow));
            if (json is not null)
            {
                w.WritePropertyName("data");
                json.RootElement.WriteTo(w);
            }
            else if (ContentTypes.IsBinary(contentType))
                w.WriteBase64String("data_base64", request.Data.Span);
            else
                w.WriteString("data", Encoding.UTF8.GetString(request.Data.Span));
            if (Meta(request, "cloudevent.subject") is { } subject)
                w.WriteString("subject", subject);
            if (Expiration(request) is { } expiration)
                w.WriteString("expiration", expiration);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static JsonDocument? TryParseDocument(ReadOnlyMemory<byte> data)
    {
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
