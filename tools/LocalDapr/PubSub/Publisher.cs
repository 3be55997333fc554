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
/// Shared by the gRPC and HTTP publish APIs. Throws <see cref="ComponentNotFoundException"/> for an unknown pubsub.
/// </summary>
public sealed class Publisher(ComponentCatalog catalog, SidecarOptions options)
{
    public Task PublishAsync(PublishRequestData request, CancellationToken ct)
    {
        _ = catalog; _ = options;
        throw new NotSupportedException("pub/sub publishing is not wired yet");
    }
}
