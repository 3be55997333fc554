using System.Text.Json;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Case-insensitive field access: daprd's Go JSON decoding matches field names regardless of case.</summary>
public static class JsonFields
{
    public static JsonElement? Get(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var p in obj.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }

    public static string? String(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>Parses a request body that must be JSON, or fails with daprd's ERR_MALFORMED_REQUEST.</summary>
    public static JsonElement Parse(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ActorApiException(400, "ERR_MALFORMED_REQUEST", $"failed to parse the request body: {e.Message}");
        }
    }
}
