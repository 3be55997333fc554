using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using Dapr;

namespace ChatDapr.Messages.Handlers;

// message-edited → the stored message takes the new text, unless a newer version is already stored.
public static class MessageEditedHandler
{
    public static RouteHandlerBuilder MapMessageEditedHandler(this IEndpointRouteBuilder app) =>
        app.MapPost("/events/" + Topics.MessageEdited, HandleAsync)
            .WithTopic(DaprComponents.PubSub, Topics.MessageEdited);

    public static Task<IResult> HandleAsync(MessageEditedIntegrationEvent? edited, MessageEventApplier applier, CancellationToken ct) =>
        applier.ApplyAsync(Topics.MessageEdited, edited?.EventId, edited?.Message, edited?.Version ?? 0, ct);
}
