using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatDapr.Testing;
using Dapr.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>The publish APIs (gRPC through DaprClient, HTTP, bulk), trace propagation and bulk subscriptions.</summary>
public sealed class PublishApiTests(SharedRedis redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task PublishEventAsync_UnderActivity_HandlerSeesTheSameTrace(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("traced");
        var traceParent = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("traced", (Order _, HttpRequest request) =>
            {
                traceParent.TrySetResult(request.Headers["traceparent"].ToString());
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var client = await bed.StartPublisherAsync();

        using var activity = new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start();
        await client.PublishEventAsync("pubsub", topic, new Order("t-1", 1), Ct);
        activity.Stop();

        (await traceParent.Task.WithTimeout("the traced order is delivered")).ShouldContain(activity.TraceId.ToHexString());
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task HttpPublish_JsonBody_DeliveredAndUnknownPubsubIs404(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("http");
        var received = new TaskCompletionSource<(Order Order, string Type)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("http", (Order order, HttpRequest request) =>
            {
                received.TrySetResult((order, request.Headers["Cloudevent.type"].ToString()));
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var publisher = await bed.Sidecars.StartAsync(PubSubTestbed.Unique("pub"));
        using var http = new HttpClient { BaseAddress = new Uri(publisher.HttpEndpoint) };

        var published = await http.PostAsJsonAsync($"/v1.0/publish/pubsub/{topic}?metadata.cloudevent.type=order.placed", new Order("h-1", 4), Ct);
        var missing = await http.PostAsJsonAsync($"/v1.0/publish/nope/{topic}", new Order("h-2", 4), Ct);

        published.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await received.Task.WithTimeout("the HTTP-published order is delivered")).ShouldBe((new Order("h-1", 4), "order.placed"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Ct));
        error.RootElement.GetProperty("errorCode").GetString().ShouldBe("ERR_PUBSUB_NOT_FOUND");
        error.RootElement.GetProperty("message").GetString().ShouldBe("pubsub nope not found");
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task BulkPublish_DaprClientAndHttp_EveryEntryDelivered(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("bulk");
        var received = new ConcurrentBag<Order>();
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("bulk", (Order order) =>
            {
                received.Add(order);
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var publisher = await bed.Sidecars.StartAsync(PubSubTestbed.Unique("pub"));
        using var client = LocalSidecar.Client(publisher);
        using var http = new HttpClient { BaseAddress = new Uri(publisher.HttpEndpoint) };

        var grpc = await client.BulkPublishEventAsync("pubsub", topic, [new Order("g-1", 1), new Order("g-2", 2), new Order("g-3", 3)], cancellationToken: Ct);
        var entries = new[] { new { entryId = "1", @event = (object)new Order("h-1", 1), contentType = "application/json" },
                              new { entryId = "2", @event = (object)new Order("h-2", 2), contentType = "application/json" } };
        var response = await http.PostAsJsonAsync($"/v1.0-alpha1/publish/bulk/pubsub/{topic}", entries, Ct);

        grpc.FailedEntries.ShouldBeEmpty();
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Poll.UntilAsync(() => received.Count >= 5, "all bulk-published orders arrive");
        received.Select(o => o.Id).Order().ShouldBe(["g-1", "g-2", "g-3", "h-1", "h-2"]);
    }

    [Theory, InlineData(PubSubYaml.InMemory), InlineData(PubSubYaml.Redis)]
    public async Task BulkSubscribe_SdkBulkHandler_ReceivesEveryEvent(string broker)
    {
        await using var bed = await PubSubTestbed.StartAsync(broker, redis);
        var topic = PubSubTestbed.Unique("bulksub");
        var received = new ConcurrentBag<Order>();
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("bulksub", (BulkSubscribeMessage<BulkMessageModel<Order>> message) =>
            {
                foreach (var entry in message.Entries)
                    received.Add(entry.Event.Data);
                return Results.Ok(new BulkSubscribeAppResponse(
                    message.Entries.Select(e => new BulkSubscribeAppResponseEntry(e.EntryId, BulkSubscribeAppResponseStatus.SUCCESS)).ToList()));
            }).WithTopic("pubsub", topic).WithBulkSubscribe(new BulkSubscribeTopicOptions { TopicName = topic, MaxMessagesCount = 10 }));
        var client = await bed.StartPublisherAsync();

        foreach (var i in Enumerable.Range(1, 3))
            await client.PublishEventAsync("pubsub", topic, new Order($"b-{i}", i), Ct);

        await Poll.UntilAsync(() => received.Count >= 3, "the bulk handler gets every order");
        received.Select(o => o.Id).Order().ShouldBe(["b-1", "b-2", "b-3"]);
    }

    [Fact]
    public async Task HttpPublish_TextBody_HandlerGetsTheString()
    {
        await using var bed = await PubSubTestbed.StartAsync(PubSubYaml.InMemory, redis);
        var topic = PubSubTestbed.Unique("text");
        var received = new TaskCompletionSource<(string Body, string? ContentType)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await bed.StartSubscriberAsync(PubSubTestbed.Unique("sub"), app =>
            app.MapPost("text", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                received.TrySetResult((await reader.ReadToEndAsync(), request.ContentType));
                return Results.Ok();
            }).WithTopic("pubsub", topic));
        var publisher = await bed.Sidecars.StartAsync(PubSubTestbed.Unique("pub"));
        using var http = new HttpClient { BaseAddress = new Uri(publisher.HttpEndpoint) };

        var response = await http.PostAsync($"/v1.0/publish/pubsub/{topic}", new StringContent("hello, wörld", Encoding.UTF8, "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (body, contentType) = await received.Task.WithTimeout("the text is delivered");
        body.ShouldBe("hello, wörld");
        contentType.ShouldNotBeNull().ShouldStartWith("text/plain");
    }
}
