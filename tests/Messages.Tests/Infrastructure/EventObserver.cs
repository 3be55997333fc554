using System.Collections.Concurrent;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatDapr.Messages.Tests.Infrastructure;

// An app of its own (own app-id, so its own consumer group) that records every event of one topic, in delivery order.
public sealed class EventObserver<TEvent> where TEvent : IIntegrationEvent<TEvent>
{
    private readonly ConcurrentQueue<TEvent> received = new();

    public IReadOnlyList<TEvent> Received => received.ToList();

    public static async Task<EventObserver<TEvent>> StartAsync(ChatCluster cluster)
    {
        var observer = new EventObserver<TEvent>();
        await cluster.StartAppAsync("observer-" + Guid.NewGuid().ToString("N"), _ => { }, app =>
        {
            app.UseCloudEvents();
            app.MapSubscribeHandler();
            app.MapPost("/observed", async (HttpRequest request) =>
            {
                observer.received.Enqueue((await request.ReadFromJsonAsync<TEvent>(ChatJson.Options))!);
                return Results.Ok();
            }).WithTopic(DaprComponents.PubSub, TEvent.Topic);
        });
        return observer;
    }
}
