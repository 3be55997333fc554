using ChatDapr.Contracts.Wire;
using ChatDapr.Testing;
using ChatDapr.Testing.Chat;
using Shouldly;

namespace ChatDapr.EndToEnd.Tests;

/// <summary>
/// The scenarios of the chat core, written once and run against every profile (see the subclasses): real
/// users registered over REST, real HubConnections, the whole system started by the launcher.
/// </summary>
public abstract class ChatScenarios(SystemFixture fixture)
{
    protected ChatSystem System => fixture.System;

    protected Task<TestUser> UserAsync(string name) => ChatAccounts.RegisterAsync(System.Gateway, name);

    protected static Task<ChatClient> ConnectAsync(Uri gateway, TestUser user, WireProtocol protocol = WireProtocol.Json) =>
        ChatClient.ConnectAsync(new Uri(gateway, "hubs/chat"), user.AccessToken, protocol);

    [Fact]
    public async Task DirectRoom_TwoUsers_ExchangeMessagesBothWays()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        await using var b = await ConnectAsync(System.Gateway, bob, WireProtocol.MessagePack);

        var room = await a.CreateDirectAsync(bob.UserId);
        (await b.CreateDirectAsync(alice.UserId)).RoomId.ShouldBe(room.RoomId, "a direct room is unique per pair");
        var hello = await a.SendAsync(room.RoomId, "hello bob");
        var reply = await b.SendAsync(room.RoomId, "hi alice");

        (await b.Received.WaitForAsync(m => m.MessageId == hello.MessageId, "bob receives alice's message")).Text.ShouldBe("hello bob");
        (await a.Received.WaitForAsync(m => m.MessageId == reply.MessageId, "alice receives bob's reply")).SenderId.ShouldBe(bob.UserId);
        reply.Seq.ShouldBe(hello.Seq + 1);
    }

    [Fact]
    public async Task SendMessage_RetriedWithSameClientMessageId_OneMessage_Invariant3()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        var room = await a.CreateGroupAsync("retries", bob.UserId);

        var first = await a.SendAsync(room.RoomId, "once", "client-msg-1");
        var again = await a.SendAsync(room.RoomId, "once", "client-msg-1");
        var next = await a.SendAsync(room.RoomId, "next");

        again.ShouldBe(first);
        next.Seq.ShouldBe(first.Seq + 1, "the retry took no seq");
        var history = await a.Call<HistoryPage>("GetHistory", room.RoomId, null, 50);
        history.Messages.Count(m => m.Text == "once").ShouldBe(1);
    }

    [Fact]
    public async Task GetHistory_RightAfterAck_ContainsTheMessage_Invariant4()
    {
        var alice = await UserAsync("alice");
        await using var a = await ConnectAsync(System.Gateway, alice);
        var room = await a.CreateGroupAsync("ryw");
        for (var i = 1; i <= 5; i++)
        {
            var ack = await a.SendAsync(room.RoomId, $"m{i}");
            var history = await a.Call<HistoryPage>("GetHistory", room.RoomId, null, 10);
            history.Messages.ShouldContain(m => m.MessageId == ack.MessageId && m.Seq == ack.Seq);
        }
    }

    [Fact]
    public async Task Group_TwentyMembers_EveryConnectionReceivesEveryMessageInOrder_Invariant1()
    {
        var owner = await UserAsync("owner");
        var members = await Task.WhenAll(Enumerable.Range(0, 19).Select(i => UserAsync($"m{i}")));
        await using var o = await ConnectAsync(System.Gateway, owner);
        var room = await o.CreateGroupAsync("twenty", members.Select(m => m.UserId).ToArray());
        var clients = await Task.WhenAll(members.Select((m, i) => ConnectAsync(System.Gateway, m, i % 2 == 0 ? WireProtocol.Json : WireProtocol.MessagePack)));
        try
        {
            var acks = new List<SendAck>();
            for (var i = 0; i < 10; i++)
                acks.Add(await o.SendAsync(room.RoomId, $"broadcast {i}"));

            foreach (var c in clients.Append(o))
            {
                await Poll.UntilAsync(() => c.Received.Items.Count(m => m.RoomId == room.RoomId) >= acks.Count, "every message reaches every connection");
                c.Received.Items.Where(m => m.RoomId == room.RoomId).Select(m => m.Seq).ShouldBe(acks.Select(a => a.Seq), "in seq order");
            }
        }
        finally
        {
            foreach (var c in clients)
                await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sync_AfterMissingFiftyMessages_ReturnsExactlyThem_Invariant5()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        var room = await a.CreateGroupAsync("catch-up", bob.UserId);
        var b = await ConnectAsync(System.Gateway, bob);
        var seen = await a.SendAsync(room.RoomId, "before");
        await b.Received.WaitForAsync(m => m.MessageId == seen.MessageId, "bob sees the first message");
        await b.DisposeAsync();

        var missed = new List<SendAck>();
        for (var i = 0; i < 50; i++)
            missed.Add(await a.SendAsync(room.RoomId, $"missed {i}"));

        await using var back = await ConnectAsync(System.Gateway, bob);
        var results = await back.Call<IReadOnlyList<SyncResult>>("Sync", (object)new[] { new SyncRequest(room.RoomId, seen.Seq) });
        var caughtUp = results.Single().Messages.ToList();
        var all = caughtUp;
        while (results.Single().HasMore)
        {
            results = await back.Call<IReadOnlyList<SyncResult>>("Sync", (object)new[] { new SyncRequest(room.RoomId, all[^1].Seq) });
            all = [.. all, .. results.Single().Messages];
        }
        all.Select(m => m.MessageId).ShouldBe(missed.Select(m => m.MessageId));
    }

    [Fact]
    public async Task SendMessage_ConcurrentSenders_GapFreeSeq_Invariant1()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => UserAsync($"s{i}")));
        var clients = await Task.WhenAll(users.Select(u => ConnectAsync(System.Gateway, u)));
        try
        {
            var room = await clients[0].CreateGroupAsync("concurrent", users.Skip(1).Select(u => u.UserId).ToArray());
            var acks = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 10).Select(i => c.SendAsync(room.RoomId, $"c{i}"))));
            acks.Select(a => a.Seq).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        }
        finally
        {
            foreach (var c in clients)
                await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task NonMember_SendAndHistory_Forbidden_Invariant6()
    {
        var (alice, mallory) = (await UserAsync("alice"), await UserAsync("mallory"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        await using var m = await ConnectAsync(System.Gateway, mallory);
        var room = await a.CreateGroupAsync("private");
        await a.SendAsync(room.RoomId, "secret");

        await m.SendAsync(room.RoomId, "let me in").ShouldFailWithAsync("forbidden");
        await m.Call<HistoryPage>("GetHistory", room.RoomId, null, 10).ShouldFailWithAsync("forbidden");
        m.Received.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task RemovedMember_StopsReceiving_Invariant6()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        await using var b = await ConnectAsync(System.Gateway, bob);
        var room = await a.CreateGroupAsync("removal", bob.UserId);
        var before = await a.SendAsync(room.RoomId, "before removal");
        await b.Received.WaitForAsync(m => m.MessageId == before.MessageId, "bob receives while a member");

        await a.Call<Room>("RemoveMember", room.RoomId, bob.UserId);
        var after = await a.SendAsync(room.RoomId, "after removal");
        var marker = await a.SendAsync(room.RoomId, "marker");
        await a.Received.WaitForAsync(m => m.MessageId == marker.MessageId, "alice receives her own marker");

        b.Received.Items.ShouldNotContain(m => m.MessageId == after.MessageId || m.MessageId == marker.MessageId);
        await b.SendAsync(room.RoomId, "still here?").ShouldFailWithAsync("forbidden");
    }

    [Fact]
    public async Task MarkRead_ReceiptAndUnreadCounts()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        await using var b = await ConnectAsync(System.Gateway, bob);
        var room = await a.CreateGroupAsync("receipts", bob.UserId);
        SendAck last = default!;
        for (var i = 0; i < 3; i++)
            last = await a.SendAsync(room.RoomId, $"unread {i}");

        (await b.Call<IReadOnlyList<RoomSummary>>("GetRooms")).Single(r => r.RoomId == room.RoomId).Unread.ShouldBe(3);
        await b.Call<ReadReceipt>("MarkRead", room.RoomId, last.Seq - 1);

        (await a.Receipts.WaitForAsync(r => r.RoomId == room.RoomId && r.UserId == bob.UserId, "alice sees bob's receipt")).Seq.ShouldBe(last.Seq - 1);
        (await b.Call<IReadOnlyList<RoomSummary>>("GetRooms")).Single(r => r.RoomId == room.RoomId).Unread.ShouldBe(1);
    }

    [Fact]
    public async Task Typing_ReachesTheOtherMember()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        await using var b = await ConnectAsync(System.Gateway, bob);
        var room = await a.CreateGroupAsync("typing", bob.UserId);
        // Typing is ephemeral: it reaches bob only once his connection has joined the room (the member-joined event).
        await b.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "the new room reached bob");

        await a.Call("Typing", room.RoomId);

        (await b.Typing.WaitForAsync(t => t.RoomId == room.RoomId, "bob sees alice typing")).UserId.ShouldBe(alice.UserId);
        a.Typing.Items.ShouldNotContain(t => t.RoomId == room.RoomId, "the typer is not told about themself");
    }

    [Fact]
    public async Task Presence_OnlineThenOfflineOnDisconnect()
    {
        var (alice, bob) = (await UserAsync("alice"), await UserAsync("bob"));
        await using var a = await ConnectAsync(System.Gateway, alice);
        var b = await ConnectAsync(System.Gateway, bob);
        await a.CreateGroupAsync("presence", bob.UserId);
        (await a.Call<IReadOnlyList<PresenceInfo>>("GetPresence", (object)new[] { bob.UserId })).Single().Status.ShouldBe("online");

        await b.DisposeAsync();

        await a.Presence.WaitForAsync(p => p.UserId == bob.UserId && p.Status == "offline", "alice is told bob went offline");
        (await a.Call<IReadOnlyList<PresenceInfo>>("GetPresence", (object)new[] { bob.UserId })).Single().Status.ShouldBe("offline");
    }
}

/// <summary>The scenarios on the embedded default profile.</summary>
public sealed class EmbeddedProfileTests(EmbeddedSystem fixture) : ChatScenarios(fixture), IClassFixture<EmbeddedSystem>;

/// <summary>The scenarios on the Redis profile (state.redis, pubsub.redis, two gateways).</summary>
public sealed class RedisProfileTests(RedisSystem fixture) : ChatScenarios(fixture), IClassFixture<RedisSystem>;
