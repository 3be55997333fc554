using System.Collections.Concurrent;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.LocalDapr.Tests;
using ChatDapr.Testing;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class DaprEventPublisherTests
{
    [Fact]
    public async Task Publish_Event_ReachesBothChatPubsubAndChatFanoutOnce()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var eventId = Guid.NewGuid().ToString("N");

        await new DaprEventPublisher(subscriber.Dapr).PublishAsync(new TypingStartedIntegrationEvent(eventId, "r1", "alice"), TestContext.Current.CancellationToken);

        await Poll.UntilAsync(() => subscriber.Received.Count(r => r.EventId == eventId) == 2, "both components deliver the event");
        subscriber.Received.Where(r => r.EventId == eventId).Select(r => r.Component)
            .ShouldBe([DaprComponents.PubSub, DaprComponents.Fanout], ignoreOrder: true);
    }

    [Fact]
    public async Task PublishAll_ThreeEvents_EachReachesBothComponentsOnce()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")).ToList();

        await new DaprEventPublisher(subscriber.Dapr).PublishAllAsync(
            ids.Select(id => new TypingStartedIntegrationEvent(id, "r1", "user-" + id)).ToList(), TestContext.Current.CancellationToken);

        await Poll.UntilAsync(() => subscriber.Received.Count(r => ids.Contains(r.EventId)) == 6, "both components deliver all three");
        foreach (var id in ids)
            subscriber.Received.Where(r => r.EventId == id).Select(r => r.Component)
                .ShouldBe([DaprComponents.PubSub, DaprComponents.Fanout], ignoreOrder: true);
    }

    // An app subscribed to typing-started on both components, behind its own sidecar, and a client of that sidecar.
    private sealed class Subscriber(LocalSidecar sidecars, IAsyncDisposable app, DaprClient dapr,
        ConcurrentQueue<(string Component, string EventId)> received) : IAsyncDisposable
    {
        public ConcurrentQueue<(string Component, string EventId)> Received => received;
        public DaprClient Dapr => dapr;

        public static async Task<Subscriber> StartAsync()
        {
            var sidecars = new LocalSidecar(
                File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "embedded", "pubsub.yaml")),
                File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "embedded", "fanout.yaml")));
            var received = new ConcurrentQueue<(string Component, string EventId)>();
            var port = Ports.Free();
            var sidecar = await sidecars.StartAsync("subscriber-" + Guid.NewGuid().ToString("N")[..8], port);
            var app = await TestApp.StartAsync(port, _ => { }, a =>
            {
                a.UseCloudEvents();
                a.MapSubscribeHandler();
                foreach (var component in new[] { DaprComponents.PubSub, DaprComponents.Fanout })
                {
                    a.MapPost("on/" + component, (TypingStartedIntegrationEvent e) =>
                    {
                        received.Enqueue((component, e.EventId));
                        return Results.Ok();
                    }).WithTopic(component, Topics.TypingStarted);
                }
            });
            await sidecar.Services.GetRequiredService<SubscriptionRegistry>().Started.WithTimeout("subscriptions are active");
            return new Subscriber(sidecars, app, LocalSidecar.Client(sidecar), received);
        }

        public async ValueTask DisposeAsync()
        {
            dapr.Dispose();
            await app.DisposeAsync();
            await sidecars.DisposeAsync();
        }
    }
}
