using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Hubs;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class HubLimitsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SendMessage_LargerThanMaximumReceiveSize_ConnectionClosedNothingStored()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var room = await client.CreateGroupAsync("big");

        await Should.ThrowAsync<Exception>(() => client.SendAsync(room.RoomId, new string('x', (int)HubServices.MaximumReceiveMessageSize)));

        await Poll.UntilAsync(() => client.ClosedAt is not null, "the server drops a connection that sends an oversized message");
        await using var again = await fixture.Gateway0.ConnectAsync(alice);
        (await again.SendAsync(room.RoomId, "small")).Seq.ShouldBe(1);
    }

    [Fact]
    public async Task Metrics_ChatActivity_CountersOnTheChatDaprMeter()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.MeterName && instrument.Name.StartsWith("chatdapr.gateway.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.Start();
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var bobClient = await fixture.Gateway0.ConnectAsync(bob);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);

        var sent = await aliceClient.SendAsync(room.RoomId, "counted");
        await bobClient.Received.WaitForAsync(m => m.Seq == sent.Seq && m.RoomId == room.RoomId, "bob receives it");
        await bobClient.Call("SetStatus", "dancing").ShouldFailWithAsync(ChatErrorCodes.Invalid);

        // Other tests run in parallel and add to the same counters, so only "at least" holds.
        await Poll.UntilAsync(() => seen.GetValueOrDefault("chatdapr.gateway.deliveries") >= 1, "the delivery is counted");
        seen.GetValueOrDefault("chatdapr.gateway.sends").ShouldBeGreaterThanOrEqualTo(1);
        seen.ContainsKey("chatdapr.gateway.connections").ShouldBeTrue();
        seen.GetValueOrDefault("chatdapr.gateway.errors").ShouldBeGreaterThanOrEqualTo(1);
    }
}
