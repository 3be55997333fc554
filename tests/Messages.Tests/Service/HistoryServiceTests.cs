using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

public sealed class HistoryServiceTests
{
    [Fact]
    public async Task History_RightAfterAckWhileEventsHeld_Invariant4_ContainsMessages()
    {
        await using var cluster = await ChatCluster.StartAsync(holdEvents: true);
        var roomId = await cluster.CreateGroupAsync("alice", "bob");
        var acks = new List<SendAck>();
        for (var i = 1; i <= 3; i++)
            acks.Add((await cluster.SendAsync(roomId, i % 2 == 0 ? "alice" : "bob", $"c{i}", $"message {i}")).Ack);

        var page = await cluster.HistoryAsync(roomId);

        page.Messages.Select(m => (m.Seq, m.MessageId, m.Text)).ShouldBe(
            acks.Select(a => (a.Seq, a.MessageId, $"message {a.Seq}")));
        page.HasMore.ShouldBeFalse();
        // The posts really were late: every one is still held at the gate, so only the room log could answer; what
        // it answered is now stored.
        await Poll.UntilAsync(() => cluster.Gate.Held > 0, "the first message-posted delivery reaches the gate");
        (await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, 3))).ShouldNotBeNull().Message.MessageId.ShouldBe(acks[2].MessageId);
        (await cluster.MessagesStateAsync<long>(StateKeys.Contiguous(roomId))).ShouldBe(3);
    }

    [Fact]
    public async Task History_HeldEventsArriveAfterHealing_Invariant7_StillOneMessagePerSeq()
    {
        await using var cluster = await ChatCluster.StartAsync(holdEvents: true);
        var roomId = await cluster.CreateGroupAsync("alice", "bob");
        for (var i = 1; i <= 3; i++)
            await cluster.SendAsync(roomId, "bob", $"c{i}", $"message {i}");
        await cluster.HistoryAsync(roomId);

        cluster.Gate.Open();

        await Poll.UntilAsync(async () => await cluster.MessagesStateAsync<long>(StateKeys.Contiguous(roomId)) == 3,
            "the late events are applied and the contiguous mark reaches 3");
        (await cluster.HistoryAsync(roomId)).Messages.Select(m => m.Seq).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public async Task MessagePosted_EventsFlowing_StoredWithoutAnyRead()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = await cluster.CreateGroupAsync("alice", "bob");

        var ack = (await cluster.SendAsync(roomId, "bob", "c1", "via the broker")).Ack;

        await Poll.UntilAsync(async () => await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, 1)) is not null,
            "the message-posted handler stores seq 1");
        var stored = await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, 1));
        stored.ShouldNotBeNull().ShouldSatisfyAllConditions(
            s => s.Message.MessageId.ShouldBe(ack.MessageId),
            s => s.Message.Text.ShouldBe("via the broker"),
            s => s.Version.ShouldBe(1));
        await Poll.UntilAsync(async () => await cluster.MessagesStateAsync<long>(StateKeys.Contiguous(roomId)) == 1,
            "the contiguous mark follows");
    }

    [Fact]
    public async Task History_BeforeSeq_PagesBackwardsUntilFirstMessage()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = await cluster.CreateGroupAsync("alice");
        for (var i = 1; i <= 5; i++)
            await cluster.SendAsync(roomId, "alice", $"c{i}", $"m{i}");

        var latest = await cluster.HistoryAsync(roomId, limit: 2);
        var middle = await cluster.HistoryAsync(roomId, limit: 2, beforeSeq: latest.Messages[0].Seq);
        var first = await cluster.HistoryAsync(roomId, limit: 2, beforeSeq: middle.Messages[0].Seq);

        Seqs(latest).ShouldBe("4,5 more");
        Seqs(middle).ShouldBe("2,3 more");
        Seqs(first).ShouldBe("1 complete");
    }

    [Fact]
    public async Task Sync_SeveralRoomsWhileEventsHeld_Invariant5_EverythingAfterEachSeq()
    {
        await using var cluster = await ChatCluster.StartAsync(holdEvents: true);
        var busy = await cluster.CreateGroupAsync("alice", "bob");
        var quiet = await cluster.CreateGroupAsync("alice");
        var empty = await cluster.CreateGroupAsync("alice");
        for (var i = 1; i <= 3; i++)
            await cluster.SendAsync(busy, "bob", $"b{i}", $"busy {i}");
        await cluster.SendAsync(quiet, "alice", "q1", "quiet 1");

        var results = await cluster.InvokeMessagesAsync<SyncQuery, IReadOnlyList<SyncResult>>(MessagesRoutes.Sync, new SyncQuery(
            [new(busy, 1, await cluster.LastSeqAsync(busy)), new(quiet, 0, 1), new(empty, 0, 0)], Limit: 1));

        results.Select(r => r.RoomId).ShouldBe([busy, quiet, empty]);
        results.Select(r => (string.Join(",", r.Messages.Select(m => m.Text)), r.HasMore)).ShouldBe(
            [("busy 2", true), ("quiet 1", false), ("", false)]);
        var rest = await cluster.InvokeMessagesAsync<SyncQuery, IReadOnlyList<SyncResult>>(
            MessagesRoutes.Sync, new SyncQuery([new(busy, 2, 3)], Limit: 200));
        rest.Single().Messages.Select(m => m.Seq).ShouldBe([3L]);
    }

    private static string Seqs(HistoryPage page) =>
        string.Join(",", page.Messages.Select(m => m.Seq)) + (page.HasMore ? " more" : " complete");
}
