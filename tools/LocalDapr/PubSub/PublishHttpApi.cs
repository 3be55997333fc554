using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The Dapr HTTP publish API: <c>POST /v1.0/publish/{pubsub}/{topic}</c> (body = data, Content-Type = its content
/// type, <c>metadata.*</c> query parameters) answering 204, and
/// <c>POST /v1.0-alpha1/publish/bulk/{pubsub}/{topic}</c> taking <c>[{"entryId","event","contentType","metadata"}]</c>.
/// Errors carry daprd's codes: 404 ERR_PUBSUB_NOT_FOUND, 400 ERR_PUBSUB_REQUEST_METADATA / ERR_PUBSUB_EVENTS_SER,
/// 500 ERR_PUBSUB_CLOUD_EVENTS_SER / ERR_PUBSUB_PUBLISH_MESSAGE.
/// </summary>
internal static class PublishHttpApi
{
    private const string MetadataPrefix = "metadata.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
        app.MapMethods("/v1.0-alpha1/publish/bulk/{pubsub}/{**topic}", ["POST", "PUT"], BulkPublishAsync);
    }

    private static async Task<IResult> PublishAsync(
        string pubsub, string topic, HttpRequest request, Publisher publisher, ILogger<Publisher> logger, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var data = new PublishRequestData(pubsub, topic, body.ToArray(), request.ContentType, Metadata(request),
            Header(request, "traceparent"), Header(request, "tracestate"));
        try
        {
            await publisher.PublishAsync(data, ct);
            return Results.NoContent();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PubSubLog.PublishFailed(logger, pubsub, topic, e.Message);
            return Error(e, pubsub, topic);
        }
    }

    private static async Task<IResult> BulkPublishAsync(
        string pubsub, string topic, HttpRequest request, Publisher publisher, ILogger<Publisher> logger, CancellationToken ct)
    {
        List<BulkPublishEntry> entries;
        try
        {
            publisher.Resolve(pubsub);
            entries = await BulkPublishEntry.ReadAsync(request.Body, Metadata(request), ct);
        }
        catch (Exception e) when (e is ComponentNotFoundException or FormatException)
        {
            return Error(e, pubsub, topic);
        }
        var failed = new List<object>();
        foreach (var entry in entries)
        {
            var data = new PublishRequestData(pubsub, topic, entry.Data, entry.ContentType, entry.Metadata,
                Header(request, "traceparent"), Header(request, "tracestate"));
            try
            {
                await publisher.PublishAsync(data, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PubSubLog.PublishFailed(logger, pubsub, topic, e.Message);
                failed.Add(new { entryId = entry.EntryId, error = e.Message });
            }
        }
        return failed.Count == 0
            ? Results.NoContent()
            : Results.Json(new { failedEntries = failed, errorCode = "ERR_PUBSUB_PUBLISH_MESSAGE" }, statusCode: 500);
    }

    private static IResult Error(Exception e, string pubsub, string topic) => e switch
    {
        ComponentNotFoundException => Json(404, "ERR_PUBSUB_NOT_FOUND", $"pubsub {pubsub} not found"),
        FormatException => Json(400, "ERR_PUBSUB_EVENTS_SER", $"error when unmarshaling the request for topic {topic} pubsub {pubsub}: {e.Message}"),
        InvalidCloudEventException => Json(500, "ERR_PUBSUB_CLOUD_EVENTS_SER", e.Message),
        ArgumentException => Json(400, "ERR_PUBSUB_REQUEST_METADATA", e.Message),
        _ => Json(500, "ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publishing to topic {topic} in pubsub {pubsub}: {e.Message}"),
    };

    private static IResult Json(int status, string code, string message) =>
        Results.Json(new { errorCode = code, message }, statusCode: status);

    private static Dictionary<string, string> Metadata(HttpRequest request)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
            if (key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
                metadata[key[MetadataPrefix.Length..]] = value.ToString();
        return metadata;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;
}
