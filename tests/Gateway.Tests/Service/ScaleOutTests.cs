using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

// Adding or removing a gateway instance loses nothing for connected clients (invariants 1, 5 and 8). Each test owns a
// cluster, since it adds or stops instances. Senders stay within the harness's send burst (10 per user).
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Invariant8_GatewayAddedMidConversation_EveryLaterMessageReachesEveryConnectionInSeqOrderOnce()
    {
        await using var cluster = await ChatCluster.StartAsync(gatewayCount: 1);
        var gw0 = cluster.Gateways[0];
        var (alice, bob, carol) = (await gw0.NewUserAsync("alice"), await gw0.NewUserAsync("bob"), await gw0.NewUserAsync("carol"));
        await using var aliceClient = await gw0.ConnectAsync(alice);
        await using var bobPhone = await gw0.ConnectAsync(bob);
        var room = await aliceClient.CreateGroupAsync("growing", bob.UserId, carol.UserId);
        await SendInTurnsAsync(room.RoomId, 3, aliceClient, bobPhone);

        // The conversation goes on while the new instance starts.
        var adding = cluster.AddGatewayAsync();
        await Task.WhenAll(adding, SendInTurnsAsync(room.RoomId, 3, aliceClient, bobPhone));
        var gw1 = await adding;
        await using var carolClient = await gw1.ConnectAsync(carol);
        await using var bobLaptop = await gw1.ConnectAsync(bob);
        var seenAtConnect = (await carolClient.Call<IReadOnlyList<RoomSummary>>("GetRooms")).Single(r => r.RoomId == room.RoomId).LastSeq;
        await Task.WhenAll(
            SendInTurnsAsync(room.RoomId, 3, aliceClient),
            SendInTurnsAsync(room.RoomId, 3, bobLaptop),
            SendInTurnsAsync(room.RoomId, 3, carolClient));

        const long last = 21;
        foreach (var client in new[] { aliceClient, bobPhone })
        {
            await client.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == last, "the old instance's connections get the last message");
            Seqs(client, room.RoomId).ShouldBe(Range(1, last));
        }
        foreach (var client in new[] { carolClient, bobLaptop })
        {
            await client.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == last, "the new instance's connections get the last message");
            // The new instance may still be replaying older events the broker retained while the connection opens:
            // those are history (the client syncs them), but nothing arrives twice or out of order, and nothing sent
            // after the connection opened is missing.
            var seqs = Seqs(client, room.RoomId);
            seqs.ShouldBe(seqs.Distinct().Order().ToList());
            seqs.Where(seq => seq > seenAtConnect).ShouldBe(Range(seenAtConnect + 1, last));
        }
        var synced = await SyncAsync(carolClient, room.RoomId, afterSeq: 0);
        synced.Select(m => m.Seq).ShouldBe(Range(1, last));
    }

    [Fact]
    public async Task Invariant5_GatewayRemovedMidConversation_MovedClientsResyncToEveryMessageOnceOthersMissNone()
    {
        await using var cluster = await ChatCluster.StartAsync(gatewayCount: 2);
        var (gw0, gw1) = (cluster.Gateways[0], cluster.Gateways[1]);
        var (alice, bob, carol) = (await gw0.NewUserAsync("alice"), await gw0.NewUserAsync("bob"), await gw0.NewUserAsync("carol"));
        await using var aliceClient = await gw0.ConnectAsync(alice);
        await using var carolClient = await gw0.ConnectAsync(carol);
        var bobOnGw1 = await gw1.ConnectAsync(bob);
        var room = await aliceClient.CreateGroupAsync("shrinking", bob.UserId, carol.UserId);
        await SendInTurnsAsync(room.RoomId, 2, aliceClient, bobOnGw1, carolClient);
        await bobOnGw1.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == 6, "bob is in the conversation before the cut");

        // The survivors keep sending while the instance stops, and while bob reconnects and catches up.
        await Task.WhenAll(cluster.RemoveGatewayAsync(gw1), SendInTurnsAsync(room.RoomId, 3, aliceClient, carolClient));
        await Poll.UntilAsync(() => bobOnGw1.ClosedAt is not null, "bob's connection to the stopped instance is closed");
        await bobOnGw1.DisposeAsync();
        var beforeCut = Seqs(bobOnGw1, room.RoomId);
        beforeCut.ShouldBe(Range(1, beforeCut[^1]));
        // Sent while bob has no connection at all: only Sync can bring these.
        await SendInTurnsAsync(room.RoomId, 1, aliceClient, carolClient);
        var reconnecting = ReconnectAndSyncAsync(gw0, bob, room.RoomId, beforeCut[^1]);
        await Task.WhenAll(reconnecting, SendInTurnsAsync(room.RoomId, 3, aliceClient, carolClient));
        var (bobOnGw0, caughtUp) = await reconnecting;
        await using var reconnected = bobOnGw0;
        caughtUp.Select(m => m.Seq).ShouldContain(13);
        caughtUp.Select(m => m.Seq).ShouldContain(14);
        (await bobOnGw0.SendAsync(room.RoomId, "back")).Seq.ShouldBe(21);

        const long last = 21;
        await bobOnGw0.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == last, "bob's new connection gets live messages");
        // What bob displays: everything he received on either connection and through Sync, de-duplicated by seq.
        var shown = bobOnGw1.Received.Items.Concat(caughtUp).Concat(bobOnGw0.Received.Items)
            .Where(m => m.RoomId == room.RoomId)
            .GroupBy(m => m.Seq)
            .OrderBy(g => g.Key)
            .ToList();
        shown.Select(g => g.Key).ShouldBe(Range(1, last));
        shown.ShouldAllBe(g => g.Select(m => m.MessageId).Distinct().Count() == 1);
        // Live delivery on the new connection never repeats or reorders (what it missed while opening, Sync brought).
        var live = Seqs(bobOnGw0, room.RoomId);
        live.ShouldBe(live.Distinct().Order().ToList());
        foreach (var client in new[] { aliceClient, carolClient })
        {
            await client.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == last, "the survivors get the last message");
            Seqs(client, room.RoomId).ShouldBe(Range(1, last));
        }
    }

    // What a client of a stopped instance does: connect to another one, then Sync from the last seq it saw.
    private static async Task<(ChatClient Client, List<Message> CaughtUp)> ReconnectAndSyncAsync(
        GatewayNode gateway, TestUser user, string roomId, long lastSeen)
    {
        var client = await gateway.ConnectAsync(user);
        return (client, await SyncAsync(client, roomId, lastSeen));
    }

    // Each sender sends `rounds` messages, the senders taking turns (one send at a time).
    private static async Task<int> SendInTurnsAsync(string roomId, int rounds, params ChatClient[] senders)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var sender in senders)
                await sender.SendAsync(roomId, $"round {round}");
        }
        return rounds * senders.Length;
    }

    // Sync as a client does it: from its last seq, again from the last one it got while the server says there is more.
    private static async Task<List<Message>> SyncAsync(ChatClient client, string roomId, long afterSeq)
    {
        var messages = new List<Message>();
        SyncResult result;
        do
        {
            var from = messages.Count > 0 ? messages[^1].Seq : afterSeq;
            result = (await client.Call<IReadOnlyList<SyncResult>>("Sync", (object)new[] { new SyncRequest(roomId, from) })).Single();
            messages.AddRange(result.Messages);
        }
        while (result.HasMore);
        return messages;
    }

    private static List<long> Seqs(ChatClient client, string roomId) =>
        [.. client.Received.Items.Where(m => m.RoomId == roomId).Select(m => m.Seq)];

    private static List<long> Range(long first, long last) => [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i)];
}
