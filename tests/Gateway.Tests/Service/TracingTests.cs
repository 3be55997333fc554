using System.Collections.Concurrent;
using System.Diagnostics;
using ChatDapr.Contracts.Names;
using ChatDapr.Gateway.Fanout;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

// The test process hosts every app and sidecar, so one listener sees all their activities; other tests run in
// parallel, so this one finds its own by its room id and then follows that trace.
public sealed class TracingTests(ClusterFixture fixture)
{
    private const string SignalRServer = "Microsoft.AspNetCore.SignalR.Server";
    private const string PublishMethod = "/dapr.proto.runtime.v1.Dapr/PublishEvent";

    [Fact]
    public async Task SendMessage_ToRoomWithAnotherMember_OneTraceFromHubThroughActorAndPubSubToDelivery()
    {
        var recorded = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        var room = await aliceClient.CreateGroupAsync("traced", bob.UserId);

        var sent = await aliceClient.SendAsync(room.RoomId, "follow me");
        await bobClient.Received.WaitForAsync(m => m.Seq == sent.Seq && m.RoomId == room.RoomId, "bob receives it");

        // The rooms app's incoming actor request (its sidecar forwards the caller's trace context).
        var actorPath = $"/actors/{ActorTypes.RoomActor}/{room.RoomId}/method/SendMessageAsync";
        Activity? actorCall = null;
        await Poll.UntilAsync(() => (actorCall = recorded.FirstOrDefault(a => a.Kind == ActivityKind.Server && Path(a) == actorPath)) is not null,
            "the rooms app's actor request is recorded");
        var traceId = actorCall!.TraceId;
        var fanoutPath = "/" + FanoutEndpoints.RoutePrefix + Topics.MessagePosted;
        List<Activity> deliveries = [];
        // Both gateways subscribe to the fan-out topic; a delivery may finish after bob saw the message.
        await Poll.UntilAsync(() =>
            {
                deliveries = [.. recorded.Where(a => a.TraceId == traceId && a.Kind == ActivityKind.Server && Path(a) == fanoutPath)];
                return deliveries.Select(a => a.GetTagItem("server.port")).Distinct().Count() == 2
                    && deliveries.All(d => Ancestors(d, recorded).Any(a => a.Source.Name == SignalRServer));
            },
            "both gateways' deliveries of the message are recorded in the send's trace, down from the hub invocation");

        var trace = recorded.Where(a => a.TraceId == traceId).ToList();
        var hubCall = trace.Where(a => a.Source.Name == SignalRServer).ShouldHaveSingleItem();
        hubCall.DisplayName.ShouldEndWith("/SendMessage");
        foreach (var delivery in deliveries)
        {
            // gateway hub → rooms actor → publish (the CloudEvent's traceparent) → gateway delivery, one chain of spans.
            var chain = Ancestors(delivery, recorded);
            chain.ShouldContain(a => a.Kind == ActivityKind.Client && Equals(a.GetTagItem("grpc.method"), PublishMethod));
            chain.ShouldContain(actorCall);
            chain.ShouldContain(hubCall);
        }
    }

    private static string? Path(Activity a) => a.GetTagItem("url.path") as string;

    private static List<Activity> Ancestors(Activity activity, IEnumerable<Activity> recorded)
    {
        var bySpan = recorded.Where(a => a.TraceId == activity.TraceId).GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        var chain = new List<Activity>();
        for (var current = activity; bySpan.TryGetValue(current.ParentSpanId, out var parent) && chain.Count < 100; current = parent)
            chain.Add(parent);
        return chain;
    }
}
