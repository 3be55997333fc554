using System.Collections.Concurrent;
using System.Diagnostics;
using ChatDapr.Testing;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>Publish with DaprClient, receive with Dapr.AspNetCore, over both brokers.</summary>
public sealed class PubSubDeliveryTests(SharedRedis redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task PublishEventAsync_TypedHandler_ReceivesOrderInDaprEnvelope(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("orders");
        var received = new TaskCompletionSource<(Order Order, Dictionary<string, string> Headers, string? ContentType)>(TaskCreationOptions.RunContinuationsAsynchronously);
        string traceId;
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("orders", (Order order, HttpRequest request) =>
            {
                // Copied: the request's headers are recycled once the handler returns.
                var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                received.TrySetResult((order, headers, request.ContentType));
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var client = await bed.StartPublisherAsync("checkout");

        // Published inside a trace: the delivery must continue that trace, not start one of its own.
        using (var publishing = new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = publishing.TraceId.ToHexString();
            await client.PublishEventAsync("pubsub", topic, new Order("o-1", 3, "héllo wörld"), Ct);
        }

        var (order, headers, contentType) = await received.Task.WithTimeout("the order is delivered");
        order.ShouldBe(new Order("o-1", 3, "héllo wörld"));
        contentType.ShouldBe("application/json");
        headers["Cloudevent.source"].ShouldBe("checkout");
        headers["Cloudevent.type"].ShouldBe("com.dapr.event.sent");
        headers["Cloudevent.specversion"].ShouldBe("1.0");
        headers["Cloudevent.topic"].ShouldBe(topic);
        Guid.TryParse(headers["Cloudevent.id"].ToString(), out _).ShouldBeTrue();
        DateTimeOffset.TryParse(headers["Cloudevent.time"].ToString(), out _).ShouldBeTrue();
        headers["traceparent"].ShouldMatch($"^00-{traceId}-[0-9a-f]{{16}}-[0-9a-f]{{2}}$");
        headers["pubsubName"].ShouldBe("pubsub");
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task Handler_AnswersRetry_MessageIsRedeliveredUntilHandled(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("flaky");
        var attempts = 0;
        var handled = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("flaky", (Order _) =>
            {
                var attempt = Interlocked.Increment(ref attempts);
                // The sidecar tries 4 times in-process; attempt 6 therefore needs a redelivery by the broker.
                if (attempt <= 5)
                    return Results.Ok(new { status = "RETRY" });
                handled.TrySetResult(attempt);
                return Results.Ok(new { status = "SUCCESS" });
            }).WithTopic("pubsub", topic));
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("o-2", 1), Ct);

        (await handled.Task.WithTimeout("the order is finally handled")).ShouldBe(6);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task Handler_AnswersDrop_EventGoesToDeadLetterTopicOnce(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var (topic, calls, dead) = await StartDeadLetterSubscriberAsync(bed, () => Results.Ok(new { status = "DROP" }));
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("o-3", 7), Ct);

        (await dead.Task.WithTimeout("the dropped order reaches the dead-letter handler")).ShouldBe(new Order("o-3", 7));
        calls.Count.ShouldBe(1);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task Handler_KeepsAnsweringRetry_WithDeadLetterTopic_DeadLetteredAfterQuickRetries(string broker)
    {
        // As in daprd: with a dead-letter topic, a delivery that still fails after the retries goes there.
        await using var bed = await PubSubTestbed.StartAsync(broker, redis, (b, a) => PubSubYaml.Component(b, a, processingTimeout: "30s"));
        var (topic, calls, dead) = await StartDeadLetterSubscriberAsync(bed, () => Results.Ok(new { status = "RETRY" }));
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("o-5", 1), Ct);

        (await dead.Task.WithTimeout("the order that is never handled reaches the dead-letter handler")).ShouldBe(new Order("o-5", 1));
        calls.Count.ShouldBe(4);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task Handler_Answers404_EventIsDroppedNotRetried(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var (topic, calls, dead) = await StartDeadLetterSubscriberAsync(bed, () => Results.NotFound());
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("o-4", 2), Ct);

        (await dead.Task.WithTimeout("the order answered with 404 reaches the dead-letter handler")).ShouldBe(new Order("o-4", 2));
        calls.Count.ShouldBe(1);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task Subscription_Concurrency1_MessagesArriveInPublishOrder(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis, (b, a) => PubSubYaml.Component(b, a, concurrency: 1));
        var topic = PubSubTestbed.Unique("ordered");
        var received = new ConcurrentQueue<int>();
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("ordered", (Order order) =>
            {
                received.Enqueue(order.Quantity);
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var client = await bed.StartPublisherAsync();

        for (var i = 0; i < 30; i++)
            await client.PublishEventAsync("pubsub", topic, new Order($"o-{i}", i), Ct);

        await Poll.UntilAsync(() => received.Count >= 30, "all 30 orders arrive");
        received.ShouldBe(Enumerable.Range(0, 30));
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task RawPayload_PublishedAndSubscribedRaw_HandlerGetsTheBytes(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("raw");
        var received = new TaskCompletionSource<(byte[] Body, string? ContentType)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("raw", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                received.TrySetResult((body.ToArray(), request.ContentType));
                return Results.Ok();
            }).WithTopic(new TopicOptions { PubsubName = "pubsub", Name = topic, EnableRawPayload = true }));
        var client = await bed.StartPublisherAsync();

        await client.PublishEventAsync("pubsub", topic, new Order("o-raw", 5), new Dictionary<string, string> { ["rawPayload"] = "true" }, Ct);

        var (body, contentType) = await received.Task.WithTimeout("the raw payload is delivered");
        contentType.ShouldBe("application/octet-stream");
        System.Text.Json.JsonSerializer.Deserialize<Order>(body, System.Text.Json.JsonSerializerOptions.Web).ShouldBe(new Order("o-raw", 5));
    }

    [Fact]
    public async Task PublishMetadata_ForwardedAsHeaders_CannotReplaceTheAppToken()
    {
        await using var bed = await PubSubTestbed.StartAsync(PubSubYaml.InMemory, redis);
        var topic = PubSubTestbed.Unique("meta");
        var received = new TaskCompletionSource<(string Token, string Custom)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("meta", (Order _, HttpRequest request) =>
            {
                received.TrySetResult((request.Headers["dapr-api-token"].ToString(), request.Headers["x-tenant"].ToString()));
                return Results.Ok();
            }).WithTopic("pubsub", topic), options => options with { AppApiToken = "app-secret" });
        var client = await bed.StartPublisherAsync();

        var metadata = new Dictionary<string, string> { ["dapr-api-token"] = "forged", ["x-tenant"] = "acme" };
        await client.PublishEventAsync("pubsub", topic, new Order("m-1", 1), metadata, Ct);

        (await received.Task.WithTimeout("the order is delivered")).ShouldBe(("app-secret", "acme"));
    }

    /// <summary>A subscriber whose handler answers <paramref name="answer"/> and whose dead-letter handler records what arrives.</summary>
    private static async Task<(string Topic, ConcurrentQueue<Order> Calls, TaskCompletionSource<Order> Dead)> StartDeadLetterSubscriberAsync(
        PubSubTestbed bed, Func<IResult> answer)
    {
        var mainTopic = PubSubTestbed.Unique("main");
        var deadTopic = PubSubTestbed.Unique("dead");
        var calls = new ConcurrentQueue<Order>();
        var dead = new TaskCompletionSource<Order>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
        {
            app.MapPost("main", (Order order) =>
            {
                calls.Enqueue(order);
                return answer();
            }).WithTopic(new TopicOptions { PubsubName = "pubsub", Name = mainTopic, DeadLetterTopic = deadTopic });
            app.MapPost("dead", (Order order) =>
            {
                dead.TrySetResult(order);
                return Results.Ok();
            }).WithTopic("pubsub", deadTopic);
        });
        return (mainTopic, calls, dead);
    }
}
