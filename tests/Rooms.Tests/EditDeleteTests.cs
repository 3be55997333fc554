using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class EditDeleteTests
{
    [Fact]
    public async Task EditMessageAsync_BySender_Invariant1_InPlaceKeepsSeqTakesNoPosition()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "helo");
        room.Time.Advance(TimeSpan.FromMinutes(1));

        var edited = await Edit(room, "bob", sent.Ack.MessageId, " hello ");

        edited.ShouldSatisfyAllConditions(
            m => m.Text.ShouldBe("hello"),
            m => m.Seq.ShouldBe(1),
            m => m.EditedAt.ShouldBe(room.Time.GetUtcNow()));
        var evt = room.Publisher.OfType<MessageEditedIntegrationEvent>().Single();
        evt.ShouldSatisfyAllConditions(
            e => e.Seq.ShouldBe(1),
            e => e.Version.ShouldBe(2),
            e => e.EventId.ShouldBe(EventIds.ForMessageVersion(room.RoomId, sent.Ack.MessageId, 2)),
            e => e.Message.ShouldBe(edited),
            e => e.EditedBy.ShouldBe("bob"));
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(1);
        (await room.SendAsync("bob", "c2")).Ack.Seq.ShouldBe(2);
    }

    [Fact]
    public async Task EditMessageAsync_PostSavedButNotAnnounced_Invariant1_PostPublishedBeforeTheEdit()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var messageId = await SendUnannouncedAsync(room, "helo");

        await Edit(room, "bob", messageId, "hello");

        MessageEvents(room).ShouldBe(["posted 1 v1 helo", "edited 1 v2 hello"]);
    }

    [Fact]
    public async Task DeleteMessageAsync_PostSavedButNotAnnounced_Invariant1_PostPublishedBeforeTheDelete()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var messageId = await SendUnannouncedAsync(room, "oops");

        await Delete(room, "bob", messageId);

        MessageEvents(room).ShouldBe(["posted 1 v1 oops", "deleted 1 v2"]);
    }

    // A send whose message was saved but whose publish failed (broker down); returns the saved message's id.
    private static async Task<string> SendUnannouncedAsync(RoomHarness room, string text)
    {
        room.Publisher.FailWith = new InvalidOperationException("broker down");
        await Should.ThrowAsync<InvalidOperationException>(room.SendAsync("bob", "stuck", text));
        room.Publisher.FailWith = null;
        return room.State.ReadCommitted<ChatDapr.Rooms.Domain.StoredMessage>(ChatDapr.Rooms.Domain.StateKeys.Message(1)).Message.MessageId;
    }

    private static IEnumerable<string> MessageEvents(RoomHarness room) => room.Publisher.Published.Select(p => p.Event switch
    {
        MessagePostedIntegrationEvent e => $"posted {e.Message.Seq} v{e.Version} {e.Message.Text}",
        MessageEditedIntegrationEvent e => $"edited {e.Seq} v{e.Version} {e.Message.Text}",
        MessageDeletedIntegrationEvent e => $"deleted {e.Seq} v{e.Version}",
        _ => null,
    }).OfType<string>();

    [Fact]
    public async Task EditMessageAsync_Twice_EachEditNextVersionWithOwnEventId()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "v1");

        await Edit(room, "bob", sent.Ack.MessageId, "v2");
        await Edit(room, "bob", sent.Ack.MessageId, "v3");

        var events = room.Publisher.OfType<MessageEditedIntegrationEvent>();
        events.Select(e => (e.Version, e.Message.Text)).ShouldBe([(2L, "v2"), (3L, "v3")]);
        events.Select(e => e.EventId).Distinct().Count().ShouldBe(2);
        events.ShouldAllBe(e => e.Seq == 1);
    }

    [Theory]
    [InlineData("carol")]
    [InlineData(RoomHarness.Owner)]
    public async Task EditMessageAsync_ByAnyoneButSender_Forbidden(string editor)
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        var sent = await room.SendAsync("bob", "c1", "mine");

        await Edit(room, editor, sent.Ack.MessageId, "theirs").ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        room.Publisher.OfType<MessageEditedIntegrationEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task EditMessageAsync_RemovedSender_Forbidden()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "mine");
        await room.Call(a => a.LeaveAsync(new LeaveRoomCommand("bob")));

        await Edit(room, "bob", sent.Ack.MessageId, "still mine?").ShouldFailWithAsync(ChatErrorCodes.Forbidden);
    }

    [Fact]
    public async Task EditMessageAsync_UnknownMessage_NotFound()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await Edit(room, "bob", "missing", "x").ShouldFailWithAsync(ChatErrorCodes.NotFound);
    }

    [Fact]
    public async Task EditMessageAsync_InvalidText_Invalid()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1");

        await Edit(room, "bob", sent.Ack.MessageId, "  ").ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task EditMessageAsync_RetriedAfterPublishFailure_RepublishesSameEventWithoutNewVersion()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "v1");
        room.Publisher.FailWith = new InvalidOperationException("broker down");
        await Should.ThrowAsync<InvalidOperationException>(Edit(room, "bob", sent.Ack.MessageId, "v2"));
        room.Publisher.FailWith = null;

        await Edit(room, "bob", sent.Ack.MessageId, "v2");
        await Edit(room, "bob", sent.Ack.MessageId, "v3");

        var events = room.Publisher.OfType<MessageEditedIntegrationEvent>();
        events.Select(e => e.Version).ShouldBe([2L, 3L]);
        events[0].EventId.ShouldBe(EventIds.ForMessageVersion(room.RoomId, sent.Ack.MessageId, 2));
        events[0].Message.Text.ShouldBe("v2");
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(1);
    }

    [Fact]
    public async Task EditMessageAsync_UnchangedNeverEditedText_NoEventNoVersion()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "same");

        var result = await Edit(room, "bob", sent.Ack.MessageId, "same");

        result.EditedAt.ShouldBeNull();
        room.Publisher.OfType<MessageEditedIntegrationEvent>().ShouldBeEmpty();
        (await room.Call(a => a.GetMessagesAsync(new GetMessagesQuery(0, 1)))).Single().Version.ShouldBe(1);
    }

    [Fact]
    public async Task DeleteMessageAsync_BySender_TombstoneAtSameSeqNextVersion()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.Call(a => a.SendMessageAsync(
            new SendCommand("bob", "c1", "secret", Attachments: [new("f1", "a.png", "image/png", 1)])));

        var deleted = await Delete(room, "bob", sent.Ack.MessageId);

        deleted.ShouldBe(new MessageDeletedEvent(room.RoomId, sent.Ack.MessageId, 1));
        var evt = room.Publisher.OfType<MessageDeletedIntegrationEvent>().Single();
        evt.ShouldSatisfyAllConditions(
            e => e.Seq.ShouldBe(1),
            e => e.Version.ShouldBe(2),
            e => e.EventId.ShouldBe(EventIds.ForMessageVersion(room.RoomId, sent.Ack.MessageId, 2)),
            e => e.MessageId.ShouldBe(sent.Ack.MessageId),
            e => e.Message.ShouldBe(new Message(room.RoomId, sent.Ack.MessageId, 1, "bob", "", sent.Ack.SentAt, Deleted: true)),
            e => e.DeletedBy.ShouldBe("bob"));
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(1);
        await Edit(room, "bob", sent.Ack.MessageId, "resurrect").ShouldFailWithAsync(ChatErrorCodes.NotFound);
        // A retry of the original send in a new activation (which cannot know the post went out) re-publishes the
        // tombstone with its version, never the deleted text.
        room.NewActivation();
        var replayed = (await room.SendAsync("bob", "c1", "secret")).Ack;
        replayed.Seq.ShouldBe(1);
        var republished = room.Publisher.OfType<MessagePostedIntegrationEvent>().Last();
        republished.Version.ShouldBe(2);
        republished.Message.ShouldSatisfyAllConditions(
            m => m.Deleted.ShouldBe(true),
            m => m.Text.ShouldBeEmpty(),
            m => m.Attachments.ShouldBeNull());
    }

    [Fact]
    public async Task DeleteMessageAsync_AfterEdit_VersionThree()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "v1");
        await Edit(room, "bob", sent.Ack.MessageId, "v2");

        await Delete(room, "bob", sent.Ack.MessageId);

        room.Publisher.OfType<MessageDeletedIntegrationEvent>().Single().Version.ShouldBe(3);
    }

    [Theory]
    [InlineData(RoomHarness.Owner)]
    [InlineData("dave")]
    public async Task DeleteMessageAsync_ByOwnerOrAdmin_Allowed(string moderator)
    {
        var room = await RoomHarness.GroupAsync("bob", "dave");
        await room.PromoteAsync("dave");
        var sent = await room.SendAsync("bob", "c1");

        await Delete(room, moderator, sent.Ack.MessageId);

        room.Publisher.OfType<MessageDeletedIntegrationEvent>().Single().DeletedBy.ShouldBe(moderator);
    }

    [Fact]
    public async Task DeleteMessageAsync_ByOtherPlainMember_Forbidden()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        var sent = await room.SendAsync("bob", "c1");

        await Delete(room, "carol", sent.Ack.MessageId).ShouldFailWithAsync(ChatErrorCodes.Forbidden);
    }

    [Fact]
    public async Task DeleteMessageAsync_Twice_SecondRepublishesSameEventWithoutNewVersion()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1");

        await Delete(room, "bob", sent.Ack.MessageId);
        await Delete(room, RoomHarness.Owner, sent.Ack.MessageId);

        var events = room.Publisher.OfType<MessageDeletedIntegrationEvent>();
        events.Count.ShouldBe(2);
        events[1].EventId.ShouldBe(events[0].EventId);
        events[1].Version.ShouldBe(2);
        events[1].DeletedBy.ShouldBe("bob");
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(1);
    }

    private static Task<Message> Edit(RoomHarness room, string actor, string messageId, string text) =>
        room.Call(a => a.EditMessageAsync(new EditMessageCommand(actor, messageId, text)));

    private static Task<MessageDeletedEvent> Delete(RoomHarness room, string actor, string messageId) =>
        room.Call(a => a.DeleteMessageAsync(new DeleteMessageCommand(actor, messageId)));
}
