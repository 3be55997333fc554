using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class EditDeleteTests
{
    [Fact]
    public async Task EditMessageAsync_BySender_TakesNextSeqKeepsMessageSeq()
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
            e => e.Seq.ShouldBe(2),
            e => e.EventId.ShouldBe(EventIds.ForRoomSeq(room.RoomId, 2)),
            e => e.Message.ShouldBe(edited),
            e => e.EditedBy.ShouldBe("bob"));
        (await room.SendAsync("bob", "c2")).Ack.Seq.ShouldBe(3);
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
    public async Task EditMessageAsync_RetriedAfterPublishFailure_RepublishesSameEventWithoutNewSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "v1");
        room.Publisher.FailWith = new InvalidOperationException("broker down");
        await Should.ThrowAsync<InvalidOperationException>(Edit(room, "bob", sent.Ack.MessageId, "v2"));
        room.Publisher.FailWith = null;

        await Edit(room, "bob", sent.Ack.MessageId, "v2");

        var evt = room.Publisher.OfType<MessageEditedIntegrationEvent>().Single();
        evt.Seq.ShouldBe(2);
        evt.EventId.ShouldBe(EventIds.ForRoomSeq(room.RoomId, 2));
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(2);
    }

    [Fact]
    public async Task EditMessageAsync_UnchangedNeverEditedText_NoEventNoSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "same");

        var result = await Edit(room, "bob", sent.Ack.MessageId, "same");

        result.EditedAt.ShouldBeNull();
        room.Publisher.OfType<MessageEditedIntegrationEvent>().ShouldBeEmpty();
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(1);
    }

    [Fact]
    public async Task DeleteMessageAsync_BySender_TombstoneWithNextSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.Call(a => a.SendMessageAsync(
            new SendCommand("bob", "c1", "secret", Attachments: [new("f1", "a.png", "image/png", 1)])));

        var deleted = await Delete(room, "bob", sent.Ack.MessageId);

        deleted.ShouldBe(new MessageDeletedEvent(room.RoomId, sent.Ack.MessageId, 1));
        var evt = room.Publisher.OfType<MessageDeletedIntegrationEvent>().Single();
        evt.ShouldSatisfyAllConditions(
            e => e.Seq.ShouldBe(2),
            e => e.MessageSeq.ShouldBe(1),
            e => e.MessageId.ShouldBe(sent.Ack.MessageId),
            e => e.DeletedBy.ShouldBe("bob"));
        await Edit(room, "bob", sent.Ack.MessageId, "resurrect").ShouldFailWithAsync(ChatErrorCodes.NotFound);
        // The retry of the original send now re-publishes the tombstone, never the deleted text.
        var replayed = (await room.SendAsync("bob", "c1", "secret")).Ack;
        replayed.Seq.ShouldBe(1);
        room.Publisher.OfType<MessagePostedIntegrationEvent>().Last().Message.ShouldSatisfyAllConditions(
            m => m.Deleted.ShouldBe(true),
            m => m.Text.ShouldBeEmpty(),
            m => m.Attachments.ShouldBeNull());
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
    public async Task DeleteMessageAsync_Twice_SecondRepublishesSameEventWithoutNewSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1");

        await Delete(room, "bob", sent.Ack.MessageId);
        await Delete(room, RoomHarness.Owner, sent.Ack.MessageId);

        var events = room.Publisher.OfType<MessageDeletedIntegrationEvent>();
        events.Count.ShouldBe(2);
        events[1].EventId.ShouldBe(events[0].EventId);
        events[1].Seq.ShouldBe(2);
        events[1].DeletedBy.ShouldBe("bob");
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(2);
    }

    private static Task<Message> Edit(RoomHarness room, string actor, string messageId, string text) =>
        room.Call(a => a.EditMessageAsync(new EditMessageCommand(actor, messageId, text)));

    private static Task<MessageDeletedEvent> Delete(RoomHarness room, string actor, string messageId) =>
        room.Call(a => a.DeleteMessageAsync(new DeleteMessageCommand(actor, messageId)));
}
