namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// Content-type classes as daprd's components-contrib sees them: the media type before any parameters,
/// compared case-insensitively. Only <c>application/json</c> counts as JSON, as in daprd.
/// </summary>
internal static class ContentTypes
{
    public const string CloudEvent = "application/cloudevents+json";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";
    public const string TextPlain = "text/plain";

    public static bool IsCloudEvent(string? contentType) => Is(contentType, CloudEvent);

    public static bool IsJson(string? contentType) => Is(contentType, Json);

    public static bool IsBinary(string? contentType) => Is(contentType, OctetStream);

    public static bool IsString(string? contentType) =>
        MediaType(contentType).StartsWith("text/", StringComparison.OrdinalIgnoreCase) || Is(contentType, "application/xml");

    private static bool Is(string? contentType, string expected) =>
        MediaType(contentType).Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        if (contentType is null)
            return [];
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
