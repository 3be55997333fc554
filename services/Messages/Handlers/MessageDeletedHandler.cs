using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using Dapr;

namespace ChatDapr.Messages.Handlers;

// message-deleted → the stored message becomes the tombstone at its seq, unless a newer version is already stored.
public static class MessageDeletedHandler
{
    public static RouteHandlerBuilder MapMessageDeletedHandler(this IEndpointRouteBuilder app) =>
        app.MapPost("/events/" + Topics.MessageDeleted, HandleAsync)
            .WithTopic(DaprComponents.PubSub, Topics.MessageDeleted);

    public static Task<IResult> HandleAsync(MessageDeletedIntegrationEvent? deleted, MessageEventApplier applier, CancellationToken ct) =>
        applier.ApplyAsync(Topics.MessageDeleted, deleted?.EventId, deleted?.Message, deleted?.Version ?? 0, ct);
}
