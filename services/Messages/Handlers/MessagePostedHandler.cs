using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using Dapr;

namespace ChatDapr.Messages.Handlers;

// message-posted → the message enters the history at its seq.
public static class MessagePostedHandler
{
    public static RouteHandlerBuilder MapMessagePostedHandler(this IEndpointRouteBuilder app) =>
        app.MapPost("/events/" + Topics.MessagePosted, HandleAsync)
            .WithTopic(DaprComponents.PubSub, Topics.MessagePosted);

    public static Task<IResult> HandleAsync(MessagePostedIntegrationEvent? posted, MessageEventApplier applier, CancellationToken ct) =>
        applier.ApplyAsync(Topics.MessagePosted, posted?.EventId, posted?.Message, posted?.Version ?? 0, ct);
}
