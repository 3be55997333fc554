using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.Testing;
using Dapr;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>What only a durable broker can do: redelivery after a crash, surviving a Redis outage.</summary>
public sealed class RedisPubSubTests(SharedRedis redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscriberSidecarStoppedBeforeAck_MessageRedeliveredToNewSubscriber()
    {
        await using var bed = await PubSubTestbed.StartAsync(PubSubYaml.Redis, redis,
            (b, a) => PubSubYaml.Component(b, a, redeliverInterval: "500ms", processingTimeout: "2s"));
        var appId = PubSubTestbed.Unique("worker");
        var topic = PubSubTestbed.Unique("stuck");
        var firstInstance = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (stuckSidecar, _) = await bed.StartSubscriberAsync(appId, app =>
            app.MapPost("stuck", async (Order order, CancellationToken requestAborted) =>
            {
                firstInstance.TrySetResult(order);
                await Task.Delay(Timeout.Infinite, requestAborted); // never answers: the sidecar dies first
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var client = await bed.StartPublisherAsync();
        await client.PublishEventAsync("pubsub", topic, new Order("s-1", 1), Ct);
        await firstInstance.Task.WithTimeout("the first instance receives the order");

        await bed.Sidecars.StopAsync(stuckSidecar);
        var secondInstance = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(appId, app =>
            app.MapPost("stuck", (Order order) =>
            {
                secondInstance.TrySetResult(order);
                return Results.Ok();
            }).WithTopic("pubsub", topic));

        (await secondInstance.Task.WithTimeout("the unacknowledged order is redelivered to the new instance")).ShouldBe(new Order("s-1", 1));
    }

    [Fact]
    public async Task RedisDown_PublishFailsUnavailableAndPingIsFalse_DeliveryResumesWhenBack()
    {
        await using var server = await RedisServer.StartAsync();
        await using var bed = PubSubTestbed.Create(PubSubYaml.Redis, server.Address, PubSubYaml.Component(PubSubYaml.Redis, server.Address));
        var topic = PubSubTestbed.Unique("outage");
        var received = new ConcurrentBag<string>();
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("outage", (Order order) =>
            {
                received.Add(order.Id);
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var publisher = await bed.Sidecars.StartAsync(PubSubTestbed.Unique("pub"));
        var pubsub = publisher.Services.GetRequiredService<ComponentCatalog>().PubSubs["pubsub"];
        using var http = new HttpClient { BaseAddress = new Uri(publisher.HttpEndpoint) };
        using var client = LocalSidecar.Client(publisher);
        (await PublishAsync(http, topic, "before")).ShouldBe(HttpStatusCode.NoContent);
        await Poll.UntilAsync(() => received.Contains("before"), "the order published before the outage arrives");

        await server.StopAsync();

        (await pubsub.PingAsync(Ct)).ShouldBeFalse();
        var failed = await http.PostAsJsonAsync($"/v1.0/publish/pubsub/{topic}", new Order("during", 1), Ct);
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await failed.Content.ReadAsStringAsync(Ct)).ShouldContain("ERR_PUBSUB_PUBLISH_MESSAGE");
        var grpcFailure = await Should.ThrowAsync<DaprException>(() => client.PublishEventAsync("pubsub", topic, new Order("during", 1), Ct));
        grpcFailure.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.Unavailable);

        await server.RestartAsync();

        var attempt = 0;
        string? lastId = null;
        await Poll.UntilAsync(async () => await PublishAsync(http, topic, lastId = $"after-{++attempt}") == HttpStatusCode.NoContent,
            "publishing works again once Redis is back", TimeSpan.FromSeconds(30));
        (await pubsub.PingAsync(Ct)).ShouldBeTrue();
        await Poll.UntilAsync(() => received.Contains(lastId!), "the subscriber resumes and gets the new order", TimeSpan.FromSeconds(30));
        received.ShouldNotContain("during");
    }

    private static async Task<HttpStatusCode> PublishAsync(HttpClient http, string topic, string id) =>
        (await http.PostAsJsonAsync($"/v1.0/publish/pubsub/{topic}", new Order(id, 1), Ct)).StatusCode;
}
