using ChatDapr.LocalDapr.PubSub;
using ChatDapr.Testing;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>Declarative Subscription resources and routing rules.</summary>
public sealed class SubscriptionRoutingTests(SharedRedis redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task DeclarativeSubscription_WithDataRule_DeliversToRuleOrDefaultRoute(string broker)
    {
        var topic = PubSubTestbed.Unique("declared");
        var subscription = PubSubYaml.Subscription(PubSubTestbed.Unique("sub"), topic, "/declared",
            match: "event.data.note == \"vip\"", matchPath: "/vip");
        await using var bed = await PubSubTestbed.StartAsync(broker, redis, null, subscription);
        var declared = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        var vip = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("app"), app =>
        {
            app.MapPost("declared", (Order order) => { declared.TrySetResult(order); return Results.Ok(); });
            app.MapPost("vip", (Order order) => { vip.TrySetResult(order); return Results.Ok(); });
        });
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("plain", 1), Ct);
        await client.PublishEventAsync("pubsub", topic, new Order("gold", 2, "vip"), Ct);

        (await declared.Task.WithTimeout("the plain order reaches the default route")).Id.ShouldBe("plain");
        (await vip.Task.WithTimeout("the vip order reaches the rule's route")).Id.ShouldBe("gold");
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task ProgrammaticRules_MatchOnEventType_RouteByType(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("typed");
        var created = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("app"), app =>
        {
            app.MapPost("created", (Order order) => { created.TrySetResult(order); return Results.Ok(); })
                .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = topic, Match = "event.type == \"order.created\"", Priority = 1 });
            app.MapPost("other", (Order order) => { other.TrySetResult(order); return Results.Ok(); })
                .WithTopic("pubsub", topic);
        });
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("a", 1), new Dictionary<string, string> { ["cloudevent.type"] = "order.created" }, Ct);
        await client.PublishEventAsync("pubsub", topic, new Order("b", 2), Ct);

        (await created.Task.WithTimeout("the order.created event is routed by its type")).Id.ShouldBe("a");
        (await other.Task.WithTimeout("the other event takes the default route")).Id.ShouldBe("b");
    }

    [Fact]
    public async Task DeclarativeSubscription_UnsupportedMatch_SidecarStopsWithTheReason()
    {
        var subscription = PubSubYaml.Subscription("bad", "t", "/default", match: "event.data.quantity > 5", matchPath: "/big");
        await using var sidecars = new LocalSidecar(PubSubYaml.Component(PubSubYaml.InMemory, null), subscription);
        var port = Ports.Free();
        await using var app = await TestApp.StartAsync(port, _ => { }, a => a.MapSubscribeHandler());

        var sidecar = await sidecars.StartAsync(PubSubTestbed.Unique("app"), port);

        var failure = await Should.ThrowAsync<FormatException>(() => sidecar.Services.GetRequiredService<SubscriptionRegistry>().Started.WithTimeout("subscriptions fail"));
        failure.Message.ShouldContain("event.data.quantity > 5");
        await sidecar.WaitForShutdownAsync(Ct).WithTimeout("the sidecar stops");
    }
}
