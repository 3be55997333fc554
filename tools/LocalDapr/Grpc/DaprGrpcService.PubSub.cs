using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.PubSub;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

public sealed partial class DaprGrpcService
{
    public async Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        RequireTopic(request.PubsubName, request.Topic);
        await publisher.PublishAsync(new PublishRequestData(
            request.PubsubName, request.Topic, request.Data.Memory, NullIfEmpty(request.DataContentType),
            // The request's own map (ordinal keys, never changed afterwards) instead of a copy per publish.
            request.Metadata,
            TraceContext.Parent(context), TraceContext.State(context)), context.CancellationToken);
        return new Empty();
    }

    /// <summary>Publishes entry by entry, in order; an entry that fails is reported, the others still go out.</summary>
    public async Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context)
    {
        RequireTopic(request.PubsubName, request.Topic);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in request.Entries)
            if (string.IsNullOrEmpty(entry.EntryId) || !ids.Add(entry.EntryId))
                throw new ArgumentException($"entryId '{entry.EntryId}' is empty or duplicated: every entry needs a unique entryId");
        var response = new BulkPublishResponse();
        foreach (var entry in request.Entries)
        {
            try
            {
                await publisher.PublishAsync(new PublishRequestData(
                    request.PubsubName, request.Topic, entry.Event.Memory, NullIfEmpty(entry.ContentType),
                    Merge(request.Metadata, entry.Metadata), TraceContext.Parent(context), TraceContext.State(context)), context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                response.FailedEntries.Add(new BulkPublishResponseFailedEntry { EntryId = entry.EntryId, Error = e.Message });
            }
        }
        return response;
    }

    public Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) =>
        BulkPublishEvent(request, context);

    private void RequireTopic(string pubsubName, string topic)
    {
        if (string.IsNullOrEmpty(pubsubName))
            throw new ArgumentException("pubsub name is empty");
        if (!catalog.PubSubs.ContainsKey(pubsubName))
            throw new ComponentNotFoundException("pubsub", pubsubName);
        if (string.IsNullOrEmpty(topic))
            throw new ArgumentException($"topic is empty in pubsub {pubsubName}");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
