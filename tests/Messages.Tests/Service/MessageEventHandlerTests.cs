using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

// The handlers fed directly through the broker. The rooms are never created, so a history read that needed the
// room log would fail: what these reads return comes from the handlers alone. Topics are delivered independently
// but each in order, so a test that must know an event was handled publishes a marker for seq 2 after it on the
// same topic and waits for the marker.
public sealed class MessageEventHandlerTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MessagePosted_SameEventTwice_Invariant7_OneStoredMessage()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = NewRoomId();
        var first = Posted(roomId, 1, "once");

        await PublishAsync(cluster, first);
        await PublishAsync(cluster, first);
        await PublishAsync(cluster, Posted(roomId, 2, "after"));

        await WaitForContiguousAsync(cluster, roomId, 2);
        var page = await History(cluster, roomId, lastSeq: 2);
        page.Messages.Select(m => (m.Seq, m.Text)).ShouldBe([(1L, "once"), (2L, "after")]);
        (await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, 1))).ShouldBe(new StoredMessage(first.Message, 1));
    }

    [Fact]
    public async Task MessageEdited_OlderVersionsArriveLater_NewestVersionKept()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = NewRoomId();
        var original = Posted(roomId, 1, "first").Message;

        await PublishAsync(cluster, Edited(original with { Text = "third", EditedAt = SentAt.AddMinutes(2) }, 3));
        await PublishAsync(cluster, Edited(original with { Text = "second", EditedAt = SentAt.AddMinutes(1) }, 2));
        await PublishAsync(cluster, Edited(Posted(roomId, 2, "marker").Message, 2));
        await PublishAsync(cluster, Posted(roomId, 1, "first"));
        await PublishAsync(cluster, Posted(roomId, 3, "posted marker"));

        await WaitForVersionAsync(cluster, roomId, 2, 2);
        await WaitForContiguousAsync(cluster, roomId, 3);
        var stored = await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, 1));
        stored.ShouldNotBeNull().ShouldSatisfyAllConditions(
            s => s.Version.ShouldBe(3),
            s => s.Message.Text.ShouldBe("third"),
            s => s.Message.EditedAt.ShouldBe(SentAt.AddMinutes(2)));
    }

    [Fact]
    public async Task MessageDeleted_AfterEdit_TombstoneReplacesEditAndStaleEditIgnored()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = NewRoomId();
        var original = Posted(roomId, 1, "secret").Message;
        var tombstone = original with { Text = "", Deleted = true };

        await PublishAsync(cluster, Posted(roomId, 1, "secret"));
        await PublishAsync(cluster, new MessageDeletedIntegrationEvent(
            EventIds.ForMessageVersion(roomId, original.MessageId, 3), roomId, 1, original.MessageId, tombstone, 3, "alice", ["alice"]));
        await PublishAsync(cluster, Edited(original with { Text = "edited", EditedAt = SentAt }, 2));
        await PublishAsync(cluster, Edited(Posted(roomId, 2, "marker").Message, 2));
        await PublishAsync(cluster, Posted(roomId, 3, "posted marker"));

        await WaitForVersionAsync(cluster, roomId, 1, 3);
        await WaitForVersionAsync(cluster, roomId, 2, 2);
        await WaitForContiguousAsync(cluster, roomId, 3);
        var page = await History(cluster, roomId, lastSeq: 3);
        page.Messages[0].ShouldBe(tombstone);
    }

    private static string NewRoomId() => RoomIds.NewGroup();

    private static MessagePostedIntegrationEvent Posted(string roomId, long seq, string text) => new(
        EventIds.ForRoomSeq(roomId, seq),
        new Message(roomId, $"{roomId}-m{seq}", seq, "alice", text, SentAt),
        ["alice"]);

    private static MessageEditedIntegrationEvent Edited(Message message, long version) => new(
        EventIds.ForMessageVersion(message.RoomId, message.MessageId, version), message.RoomId, message.Seq, message, version,
        "alice", ["alice"]);

    private static Task PublishAsync<TEvent>(ChatCluster cluster, TEvent e) where TEvent : IIntegrationEvent<TEvent> =>
        cluster.Gateway.PublishEventAsync(DaprComponents.PubSub, TEvent.Topic, e, TestContext.Current.CancellationToken)
            .Within();

    private static Task WaitForContiguousAsync(ChatCluster cluster, string roomId, long seq) =>
        Poll.UntilAsync(async () => await cluster.MessagesStateAsync<long>(StateKeys.Contiguous(roomId)) == seq,
            $"the handlers stored {roomId} up to seq {seq}");

    private static Task WaitForVersionAsync(ChatCluster cluster, string roomId, long seq, long version) =>
        Poll.UntilAsync(async () => (await cluster.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, seq)))?.Version == version,
            $"the handlers stored version {version} of {roomId} seq {seq}");

    private static Task<HistoryPage> History(ChatCluster cluster, string roomId, long lastSeq) =>
        cluster.InvokeMessagesAsync<HistoryQuery, HistoryPage>(MessagesRoutes.History, new HistoryQuery(roomId, null, 50, lastSeq));
}
