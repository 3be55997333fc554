using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>What the app answered to one delivery, with a short reason for logs.</summary>
internal readonly record struct AppAnswer(DeliveryOutcome Outcome, string Detail);

/// <summary>
/// Posts events to the app the way daprd does and reads its answer: 2xx with an empty or non-JSON body or
/// <c>{"status":"SUCCESS"}</c> is Success, <c>{"status":"RETRY"}</c> (or an unknown status), any other non-2xx
/// status and connection errors are Retry, <c>{"status":"DROP"}</c> and 404 are Drop. Bulk subscriptions get
/// daprd's bulk envelope with a single entry per request and answer <c>{"statuses":[{"entryId","status"}]}</c>.
/// </summary>
internal sealed class AppDeliverer(AppChannel channel)
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "host", "connection", "transfer-encoding", "authorization",
        AppChannel.ApiTokenHeader, "traceparent", "tracestate",
    };

    // Routes are few and fixed per subscription: resolve each against the app's address once, not per delivery.
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public async Task<AppAnswer> DeliverAsync(string path, DeliveredEvent ev, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        using var activity = DeliveryActivity.Start(ev);
        using var request = Request(Target(path), ev.Body, ContentTypes.CloudEvent, ev, metadata);
        return await SendAsync(request, body => SingleOutcome(body), ct);
    }

    public async Task<AppAnswer> DeliverBulkAsync(
        string path, DeliveredEvent ev, SubscriptionSpec spec, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var entryId = EventIds.New();
        var envelope = BulkEnvelope.Write(entryId, ev, spec, metadata);
        using var activity = DeliveryActivity.Start(ev);
        using var request = Request(Target(path), envelope, ContentTypes.Json, ev, metadata);
        return await SendAsync(request, body => BulkEnvelope.Outcome(body, entryId), ct);
    }

    private Uri Target(string path) =>
        _uris.GetOrAdd(path, static (p, baseAddress) => baseAddress is null ? new Uri(p, UriKind.Relative) : new Uri(baseAddress, p), channel.Client.BaseAddress);

    private static HttpRequestMessage Request(
        Uri target, ReadOnlyMemory<byte> body, string contentType, DeliveredEvent ev, IReadOnlyDictionary<string, string> metadata)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(body) };
        // A constant media type: sent as is, without building and validating a MediaTypeHeaderValue per delivery.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        // daprd passes the broker's message metadata (pubsubName, publish metadata) on as headers. Publishers choose
        // that metadata, so it must not replace the sidecar's own headers (token, trace, framing) nor break the request.
        foreach (var (key, value) in metadata)
            if (!ReservedHeaders.Contains(key) && !value.AsSpan().ContainsAny('\r', '\n'))
                request.Headers.TryAddWithoutValidation(key, value);
        if (ev.TraceParent is { Length: > 0 } traceParent)
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        if (ev.TraceState is { Length: > 0 } traceState)
            request.Headers.TryAddWithoutValidation("tracestate", traceState);
        return request;
    }

    private async Task<AppAnswer> SendAsync(HttpRequestMessage request, Func<byte[], AppAnswer> readBody, CancellationToken ct)
    {
        try
        {
            using var response = await channel.Client.SendAsync(request, ct);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return readBody(await response.Content.ReadAsByteArrayAsync(ct));
            return response.StatusCode == HttpStatusCode.NotFound
                ? new AppAnswer(DeliveryOutcome.Drop, "404")
                : new AppAnswer(DeliveryOutcome.Retry, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException e)
        {
            return new AppAnswer(DeliveryOutcome.Retry, "app unreachable: " + e.Message);
        }
    }

    private static AppAnswer SingleOutcome(byte[] body)
    {
        if (body.Length == 0)
            return new AppAnswer(DeliveryOutcome.Success, "2xx");
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return new AppAnswer(DeliveryOutcome.Success, "2xx");
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Name.Equals("status", StringComparison.OrdinalIgnoreCase))
                    return FromStatus(p.Value);
            return new AppAnswer(DeliveryOutcome.Success, "2xx");
        }
        catch (JsonException)
        {
            return new AppAnswer(DeliveryOutcome.Success, "2xx");
        }
    }

    /// <summary>SUCCESS, RETRY, DROP (or the SDK enum's numbers 0, 1, 2); empty is success, anything else is retried.</summary>
    public static AppAnswer FromStatus(JsonElement status) => status.ValueKind switch
    {
        JsonValueKind.String => status.GetString()!.ToUpperInvariant() switch
        {
            "" or "SUCCESS" => new AppAnswer(DeliveryOutcome.Success, "SUCCESS"),
            "DROP" => new AppAnswer(DeliveryOutcome.Drop, "DROP"),
            "RETRY" => new AppAnswer(DeliveryOutcome.Retry, "RETRY"),
            var other => new AppAnswer(DeliveryOutcome.Retry, "unknown status " + other),
        },
        JsonValueKind.Number when status.TryGetInt32(out var n) && n is >= 0 and <= 2 => n switch
        {
            0 => new AppAnswer(DeliveryOutcome.Success, "SUCCESS"),
            1 => new AppAnswer(DeliveryOutcome.Retry, "RETRY"),
            _ => new AppAnswer(DeliveryOutcome.Drop, "DROP"),
        },
        _ => new AppAnswer(DeliveryOutcome.Retry, "unknown status " + status.GetRawText()),
    };
}
