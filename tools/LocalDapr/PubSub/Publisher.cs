using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>One event to publish, as the gRPC and HTTP publish APIs receive it.</summary>
public sealed record PublishRequestData(
    string PubsubName,
    string Topic,
    ReadOnlyMemory<byte> Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string? TraceParent = null,
    string? TraceState = null);

/// <summary>
/// Wraps data in a CloudEvent (unless it already is one, or rawPayload is set) and hands it to the broker.
/// Shared by the gRPC and HTTP publish APIs. Throws <see cref="ComponentNotFoundException"/> for an unknown pubsub,
/// <see cref="ArgumentException"/> for an empty topic or bad metadata (<see cref="InvalidCloudEventException"/> when
/// the app's own CloudEvent is not a JSON object), and whatever the broker throws when it is unreachable.
/// </summary>
public sealed class Publisher(ComponentCatalog catalog, SidecarOptions options)
{
    public Task PublishAsync(PublishRequestData request, CancellationToken ct)
    {
        var pubsub = Resolve(request.PubsubName);
        if (string.IsNullOrEmpty(request.Topic))
            throw new ArgumentException($"topic is empty in pubsub {request.PubsubName}");
        var payload = IsRawPayload(request.Metadata)
            ? request.Data
            : CloudEventBuilder.Build(request, options.AppId);
        return pubsub.PublishAsync(request.Topic, payload, request.Metadata, ct);
    }

    /// <summary>The pubsub component this app can see by that name.</summary>
    public IPubSub Resolve(string pubsubName) =>
        catalog.PubSubs.TryGetValue(pubsubName, out var pubsub)
            ? pubsub
            : throw new ComponentNotFoundException("pubsub", pubsubName);

    /// <summary>Metadata <c>rawPayload</c>, parsed like Go's strconv.ParseBool (daprd rejects other spellings).</summary>
    public static bool IsRawPayload(IReadOnlyDictionary<string, string> metadata) =>
        !metadata.TryGetValue("rawPayload", out var value) || value.Length == 0
            ? false
            : value switch
            {
                "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                _ => throw new ArgumentException($"metadata rawPayload must be true or false, got '{value}'"),
            };
}
