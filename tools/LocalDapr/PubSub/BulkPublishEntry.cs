using System.Text;
using System.Text.Json;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// One entry of an HTTP bulk publish. The event becomes bytes as in daprd: JSON and CloudEvent content types take
/// the JSON value, text types the string, application/octet-stream a base64 string.
/// </summary>
internal sealed record BulkPublishEntry(string EntryId, byte[] Data, string? ContentType, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Reads the request body; throws <see cref="FormatException"/> for a malformed body or entry.</summary>
    public static async Task<List<BulkPublishEntry>> ReadAsync(Stream body, IReadOnlyDictionary<string, string> requestMetadata, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message, e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException("the body must be a JSON array of entries");
            var entries = new List<BulkPublishEntry>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var entry = Read(item, requestMetadata);
                if (entries.Any(e => e.EntryId == entry.EntryId))
                    throw new FormatException($"entryId '{entry.EntryId}' is duplicated");
                entries.Add(entry);
            }
            return entries;
        }
    }

    private static BulkPublishEntry Read(JsonElement item, IReadOnlyDictionary<string, string> requestMetadata)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new FormatException("an entry is not a JSON object");
        var entryId = item.TryGetProperty("entryId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (string.IsNullOrEmpty(entryId))
            throw new FormatException("entryId is duplicated or not present for entry");
        var contentType = item.TryGetProperty("contentType", out var ctProp) && ctProp.ValueKind == JsonValueKind.String ? ctProp.GetString() : null;
        if (!item.TryGetProperty("event", out var ev))
            throw new FormatException($"entry '{entryId}' has no event");
        // Entry metadata overrides request metadata, as in daprd.
        var metadata = new Dictionary<string, string>(requestMetadata, StringComparer.Ordinal);
        if (item.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
            foreach (var p in meta.EnumerateObject())
                metadata[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return new BulkPublishEntry(entryId, EventBytes(entryId, ev, contentType), contentType, metadata);
    }

    private static byte[] EventBytes(string entryId, JsonElement ev, string? contentType)
    {
        if (ContentTypes.IsBinary(contentType))
            return ev.ValueKind == JsonValueKind.String && ev.TryGetBytesFromBase64(out var bytes)
                ? bytes
                : throw new FormatException($"entry '{entryId}': binary data must be a base64 string");
        if (ev.ValueKind == JsonValueKind.String && !ContentTypes.IsJson(contentType) && !ContentTypes.IsCloudEvent(contentType))
            return Encoding.UTF8.GetBytes(ev.GetString()!);
        return Encoding.UTF8.GetBytes(ev.GetRawText());
    }
}
