using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class SendMessageTests
{
    [Fact]
    public async Task SendMessageAsync_HundredSequentialSends_Invariant1_DenseSeqAssignedOnce()
    {
        var room = await RoomHarness.GroupAsync("bob");

        var acks = new List<SendAck>();
        for (var i = 0; i < 100; i++)
            acks.Add((await room.SendAsync(i % 2 == 0 ? "alice" : "bob", $"c{i}", $"message {i}")).Ack);

        acks.Select(a => a.Seq).ShouldBe(Enumerable.Range(1, 100).Select(i => (long)i));
        acks.Select(a => a.MessageId).Distinct().Count().ShouldBe(100);
        room.Publisher.OfType<MessagePostedIntegrationEvent>().Select(e => e.Message.Seq)
            .ShouldBe(Enumerable.Range(1, 100).Select(i => (long)i));
        (await room.Call(a => a.GetRoomAsync())).LastSeq.ShouldBe(100);
    }

    [Fact]
    public async Task SendMessageAsync_RetrySameClientMessageId_Invariant3_SameAckNoNewSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var first = await room.SendAsync("bob", "retry-me", "hi");
        room.Time.Advance(TimeSpan.FromMinutes(5));

        var second = await room.SendAsync("bob", "retry-me", "hi");
        var third = await room.SendAsync("bob", "retry-me", "a different text is ignored");

        first.Duplicate.ShouldBeFalse();
        second.Ack.ShouldBe(first.Ack);
        third.Ack.ShouldBe(first.Ack);
        second.Duplicate.ShouldBeTrue();
        (await room.SendAsync("bob", "next")).Ack.Seq.ShouldBe(2);
    }

    [Fact]
    public async Task SendMessageAsync_SameClientMessageIdFromOtherSender_IsAnotherMessage()
    {
        var room = await RoomHarness.GroupAsync("bob");

        var fromAlice = await room.SendAsync("alice", "same-id");
        var fromBob = await room.SendAsync("bob", "same-id");

        fromBob.Duplicate.ShouldBeFalse();
        fromBob.Ack.Seq.ShouldBe(fromAlice.Ack.Seq + 1);
    }

    [Fact]
    public async Task SendMessageAsync_AfterNewActivation_RetryStillReturnsSameAck()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var first = await room.SendAsync("bob", "durable");

        room.NewActivation();
        var retry = await room.SendAsync("bob", "durable");

        retry.Ack.ShouldBe(first.Ack);
        (await room.SendAsync("bob", "after-restart")).Ack.Seq.ShouldBe(2);
    }

    [Fact]
    public async Task SendMessageAsync_Published_Invariant2_PersistedBeforePublishAndAck()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var seenAtPublish = new List<bool>();
        room.Publisher.OnPublish = e =>
        {
            if (e is MessagePostedIntegrationEvent posted)
            {
                seenAtPublish.Add(room.State.IsCommitted(StateKeys.Message(posted.Message.Seq))
                    && room.State.ReadCommitted<long>(StateKeys.LastSeq) == posted.Message.Seq
                    && room.State.IsCommitted(StateKeys.Idempotency("bob", "p1")));
            }
        };

        var result = await room.SendAsync("bob", "p1", "  persisted first  ");

        seenAtPublish.ShouldBe([true]);
        var posted = room.Publisher.OfType<MessagePostedIntegrationEvent>().Single();
        posted.EventId.ShouldBe(EventIds.ForRoomSeq(room.RoomId, 1));
        posted.Message.ShouldBe(new Message(room.RoomId, result.Ack.MessageId, 1, "bob", "persisted first", result.Ack.SentAt));
        posted.MemberIds.ShouldBe(["alice", "bob"]);
        posted.Version.ShouldBe(1);
        result.Ack.SentAt.ShouldBe(room.Time.GetUtcNow());
    }

    [Fact]
    public async Task SendMessageAsync_PublisherThrows_MessageStaysPersistedAndRetryRepublishesSameSeq()
    {
        var room = await RoomHarness.GroupAsync("bob");
        room.Publisher.FailWith = new InvalidOperationException("broker down");

        await Should.ThrowAsync<InvalidOperationException>(room.SendAsync("bob", "flaky", "survives"));

        room.State.ReadCommitted<long>(StateKeys.LastSeq).ShouldBe(1);
        room.Publisher.FailWith = null;
        var retry = await room.SendAsync("bob", "flaky", "survives");

        retry.Duplicate.ShouldBeTrue();
        retry.Ack.Seq.ShouldBe(1);
        var republished = room.Publisher.OfType<MessagePostedIntegrationEvent>().Single();
        republished.EventId.ShouldBe(EventIds.ForRoomSeq(room.RoomId, 1));
        republished.Message.Text.ShouldBe("survives");
        room.State.ReadCommitted<long>(StateKeys.LastSeq).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessageAsync_PublishFailedThenAnotherSend_Invariant1_EventsStayInSeqOrder()
    {
        var room = await RoomHarness.GroupAsync("bob");
        await room.SendAsync("alice", "before");
        room.Publisher.FailWith = new InvalidOperationException("broker down");
        await Should.ThrowAsync<InvalidOperationException>(room.SendAsync("bob", "stuck", "saved, not announced"));
        room.Publisher.FailWith = null;

        await room.SendAsync("alice", "newer");
        await room.SendAsync("bob", "stuck", "saved, not announced");

        // The unannounced message goes out before the newer one, and the sender's retry does not send it again after.
        room.Publisher.OfType<MessagePostedIntegrationEvent>().Select(e => e.Message.Seq).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public async Task SendMessageAsync_FirstPublishOfActivationFails_Invariant1_AnnouncedBeforeTheNextMessage()
    {
        var room = await RoomHarness.GroupAsync("bob");
        room.NewActivation();
        room.Publisher.FailWith = new InvalidOperationException("broker down");
        await Should.ThrowAsync<InvalidOperationException>(room.SendAsync("bob", "stuck"));
        room.Publisher.FailWith = null;

        await room.SendAsync("alice", "newer");

        room.Publisher.OfType<MessagePostedIntegrationEvent>().Select(e => e.Message.Seq).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task SendMessageAsync_SaveFails_NothingPersistedOrPublished()
    {
        var room = await RoomHarness.GroupAsync("bob");
        room.State.FailNextSave = new IOException("store down");

        await Should.ThrowAsync<IOException>(room.SendAsync("bob", "lost"));

        room.Publisher.OfType<MessagePostedIntegrationEvent>().ShouldBeEmpty();
        room.State.IsCommitted(StateKeys.LastSeq).ShouldBeFalse();
        (await room.SendAsync("bob", "lost")).ShouldSatisfyAllConditions(
            r => r.Duplicate.ShouldBeFalse(),
            r => r.Ack.Seq.ShouldBe(1));
    }

    [Fact]
    public async Task SendMessageAsync_NonMember_Invariant6_Forbidden()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.SendAsync("mallory", "x").ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        room.Publisher.OfType<MessagePostedIntegrationEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task SendMessageAsync_RemovedMember_Invariant6_Forbidden()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        await room.SendAsync("carol", "before");

        await room.Call(a => a.RemoveMemberAsync(new RemoveMemberCommand("alice", "carol")));

        await room.SendAsync("carol", "after").ShouldFailWithAsync(ChatErrorCodes.Forbidden);
    }

    [Fact]
    public async Task SendMessageAsync_UnknownRoom_NotFound()
    {
        var room = RoomHarness.Create();

        await room.SendAsync("alice", "x").ShouldFailWithAsync(ChatErrorCodes.NotFound);
    }

    public static TheoryData<string, string, string?, int> InvalidSends => new()
    {
        { "empty text", "", null, 0 },
        { "whitespace text", "   \n\t ", null, 0 },
        { "text over 4000 after trim", new string('x', 4001), null, 0 },
        { "empty client id", "hello", "", 0 },
        { "whitespace client id", "hello", "   ", 0 },
        { "client id over 64", "hello", new string('c', 65), 0 },
        { "eleven attachments", "", null, 11 },
    };

    [Theory]
    [MemberData(nameof(InvalidSends))]
    public async Task SendMessageAsync_InvalidInput_Invalid(string because, string text, string? clientMessageId, int attachments)
    {
        var room = await RoomHarness.GroupAsync("bob");
        var files = attachments == 0 ? null : Enumerable.Range(0, attachments).Select(File).ToList();

        await room.Call(a => a.SendMessageAsync(new SendCommand("bob", clientMessageId ?? "c1", text, Attachments: files)))
            .ShouldFailWithAsync(ChatErrorCodes.Invalid);

        room.State.IsCommitted(StateKeys.LastSeq).ShouldBeFalse(because);
    }

    [Fact]
    public async Task SendMessageAsync_ReplyToUnknownMessage_Invalid()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.Call(a => a.SendMessageAsync(new SendCommand("bob", "c1", "re", ReplyTo: "nope")))
            .ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task SendMessageAsync_BoundaryInputs_Accepted()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var first = await room.SendAsync("bob", new string('c', 64), "  " + new string('x', 4000) + "  ");

        var reply = await room.Call(a => a.SendMessageAsync(
            new SendCommand("bob", "c2", "", ReplyTo: first.Ack.MessageId, Attachments: [File(0)])));

        reply.Ack.Seq.ShouldBe(2);
        var posted = room.Publisher.OfType<MessagePostedIntegrationEvent>();
        posted[0].Message.Text.Length.ShouldBe(4000);
        posted[1].Message.ShouldSatisfyAllConditions(
            m => m.ReplyTo.ShouldBe(first.Ack.MessageId),
            m => m.Attachments.ShouldNotBeNull().Single().AttachmentId.ShouldBe("file-0"),
            m => m.Text.ShouldBeEmpty());
    }

    private static Attachment File(int i) => new($"file-{i}", $"f{i}.png", "image/png", 10);
}
