using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Gateway.Metrics;

namespace ChatDapr.Gateway.Fanout;

// One subscription per topic on chat-fanout. The component delivers each topic in publish order, one event at a time
// (concurrency 1), and a handler finishes its SignalR sends before it answers, so every connection receives a room's
// events in the order the room published them. A failing handler answers 500 and the sidecar redelivers.
public static class FanoutEndpoints
{
    public const string RoutePrefix = "fanout/";

    public static IEndpointRouteBuilder MapFanoutSubscriptions(this IEndpointRouteBuilder app)
    {
        app.MapSubscribeHandler();
        Map<MessagePostedIntegrationEvent, MessagePostedHandler>(app);
        Map<MessageEditedIntegrationEvent, MessageEditedHandler>(app);
        Map<MessageDeletedIntegrationEvent, MessageDeletedHandler>(app);
        Map<MemberJoinedIntegrationEvent, MemberJoinedHandler>(app);
        Map<MemberLeftIntegrationEvent, MemberLeftHandler>(app);
        Map<RoomUpdatedIntegrationEvent, RoomUpdatedHandler>(app);
        Map<ReadMarkerUpdatedIntegrationEvent, ReadMarkerUpdatedHandler>(app);
        Map<PresenceChangedIntegrationEvent, PresenceChangedHandler>(app);
        Map<TypingStartedIntegrationEvent, TypingStartedHandler>(app);
        return app;
    }

    private static void Map<TEvent, THandler>(IEndpointRouteBuilder app)
        where TEvent : IIntegrationEvent<TEvent>
        where THandler : IFanoutHandler<TEvent>
    {
        app.MapPost(RoutePrefix + TEvent.Topic, async (TEvent integrationEvent, THandler handler, RecentEvents recent,
                GatewayMetrics metrics, CancellationToken cancellationToken) =>
            {
                if (recent.Contains(integrationEvent.EventId))
                    return Results.Ok();
                await handler.HandleAsync(integrationEvent, cancellationToken);
                recent.Add(integrationEvent.EventId);
                metrics.Delivered(TEvent.Topic);
                return Results.Ok();
            })
            .WithTopic(DaprComponents.Fanout, TEvent.Topic)
            .ExcludeFromDescription();
    }
}
