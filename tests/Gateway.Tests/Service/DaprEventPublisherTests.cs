using System.Collections.Concurrent;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.LocalDapr.Tests;
using ChatDapr.Testing;
using Dapr;
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
        await using var sidecars = new LocalSidecar(
            File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "embedded", "pubsub.yaml")),
            File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", "embedded", "fanout.yaml")));
        var received = new ConcurrentQueue<(string Component, string EventId)>();
        var port = Ports.Free();
        var sidecar = await sidecars.StartAsync("subscriber-" + Guid.NewGuid().ToString("N")[..8], port);
        await using var app = await TestApp.StartAsync(port, _ => { }, a =>
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
        using var dapr = LocalSidecar.Client(sidecar);
        var eventId = Guid.NewGuid().ToString("N");

        await new DaprEventPublisher(dapr).PublishAsync(new TypingStartedIntegrationEvent(eventId, "r1", "alice"), TestContext.Current.CancellationToken);

        await Poll.UntilAsync(() => received.Count(r => r.EventId == eventId) == 2, "both components deliver the event");
        received.Where(r => r.EventId == eventId).Select(r => r.Component)
            .ShouldBe([DaprComponents.PubSub, DaprComponents.Fanout], ignoreOrder: true);
    }
}
