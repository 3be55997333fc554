using System.Collections.Concurrent;
using ChatDapr.Testing;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>Two instances of one app-id: competing consumers by default, broadcast with a per-instance consumerID.</summary>
public sealed class ConsumerGroupTests(SharedRedis redis)
{
    private const int Messages = 20;

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task TwoInstances_SameConsumerId_EachMessageHandledOnceInTotal(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("work");
        var handled = await StartTwoInstancesAsync(bed, topic);

        await PublishAsync(bed, topic);

        await Poll.UntilAsync(() => handled.Select(h => h.Id).Distinct().Count() == Messages, "every message is handled by one of the instances");
        handled.Count.ShouldBe(Messages);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task TwoInstances_ConsumerIdUuid_EachInstanceGetsEveryMessage(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis, (b, a) => PubSubYaml.Component(b, a, consumerId: "{uuid}"));
        var topic = PubSubTestbed.Unique("fanout");
        var handled = await StartTwoInstancesAsync(bed, topic);

        await PublishAsync(bed, topic);

        await Poll.UntilAsync(() => handled.Count >= 2 * Messages, "both instances get every message");
        foreach (var instance in new[] { 0, 1 })
            handled.Where(h => h.Instance == instance).Select(h => h.Id).Order().ShouldBe(Enumerable.Range(0, Messages).Select(Id).Order());
    }

    [Fact]
    public async Task Stop_ConsumerIdUuid_DeletesThatSidecarsGroupButKeepsSharedOnes()
    {
        var address = await redis.AddressAsync();
        await using var bed = PubSubTestbed.Create(PubSubYaml.Redis, address,
            PubSubYaml.Component(PubSubYaml.Redis, address, consumerId: "{uuid}"),
            PubSubYaml.Component(PubSubYaml.Redis, address, name: "shared"));
        var topic = PubSubTestbed.Unique("groups");
        var appId = PubSubTestbed.Unique("gw");
        var (sidecar, _) = await bed.StartSubscriberAsync(appId, app =>
        {
            app.MapPost("own", () => Results.Ok()).WithTopic("pubsub", topic);
            app.MapPost("shared", () => Results.Ok()).WithTopic("shared", topic);
        });
        await using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(address);
        async Task<string[]> Groups() => (await mux.GetDatabase().StreamGroupInfoAsync(topic)).Select(g => g.Name!).ToArray();
        (await Groups()).ShouldBe([sidecar.Options.InstanceId, appId], ignoreOrder: true);

        await sidecar.DisposeAsync();

        (await Groups()).ShouldBe([appId], "the {uuid} group is gone with its sidecar; the app-id group stays for the other instances");
    }

    private static async Task<ConcurrentBag<(int Instance, string Id)>> StartTwoInstancesAsync(PubSubTestbed bed, string topic)
    {
        var appId = PubSubTestbed.Unique("worker");
        var handled = new ConcurrentBag<(int Instance, string Id)>();
        foreach (var instance in new[] { 0, 1 })
            await bed.StartSubscriberAsync(appId, app =>
                app.MapPost("work", (Order order) =>
                {
                    handled.Add((instance, order.Id));
                    return Results.Ok();
                }).WithTopic("pubsub", topic));
        return handled;
    }

    private static async Task PublishAsync(PubSubTestbed bed, string topic)
    {
        var client = await bed.StartPublisherAsync();
        for (var i = 0; i < Messages; i++)
            await client.PublishEventAsync("pubsub", topic, new Order(Id(i), i), TestContext.Current.CancellationToken);
    }

    private static string Id(int i) => $"o-{i:00}";
}
