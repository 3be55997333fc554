namespace ChatDapr.LocalDapr.Actors;

/// <summary>An actor request as the sidecar relays it: body bytes, content type and the caller's headers.</summary>
public sealed record ActorRequest(byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string ReentrancyHeader = "Dapr-Reentrancy-Id";

    // Hop-by-hop and framing headers belong to one connection; the caller's token is for this sidecar only.
    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
        "Proxy-Connection", "TE", "Trailer", "Expect", Hosting.AppChannel.ApiTokenHeader, ActorForwarder.RoutedHeader,
    };

    public static ActorRequest Json(byte[] body) => new(body, "application/json", []);

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public ActorRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public static async Task<ActorRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
            if (!NotRelayed.Contains(name))
                foreach (var value in values)
                    if (value is not null)
                        headers.Add(new(name, value));
        return new ActorRequest(buffer.ToArray(), request.ContentType, headers);
    }

    public HttpRequestMessage ToHttp(HttpMethod method, Uri uri)
    {
        var message = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(Body) };
        if (!string.IsNullOrEmpty(ContentType))
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        foreach (var (name, value) in Headers)
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content.Headers.TryAddWithoutValidation(name, value);
        return message;
    }
}

/// <summary>An answer from the app (or from the owner sidecar), fully buffered so the turn can end before it is relayed.</summary>
public sealed record ActorResponse(int Status, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body)
{
    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer", "Server", "Date",
    };

    public static ActorResponse NoContent { get; } = new(204, [], []);

    public bool IsSuccess => Status is >= 200 and < 300;

    public static ActorResponse Json(byte[] body) =>
        new(200, [new("Content-Type", ["application/json"])], body);

    public static async Task<ActorResponse> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var headers = new List<KeyValuePair<string, string[]>>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!NotRelayed.Contains(name))
                headers.Add(new(name, values.ToArray()));
        return new ActorResponse((int)response.StatusCode, headers, body);
    }

    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        response.StatusCode = Status;
        foreach (var (name, values) in Headers)
            response.Headers[name] = values;
        if (Body.Length > 0 || Status is not (204 or 304))
        {
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, ct);
        }
    }
}
