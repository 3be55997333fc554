using ChatDapr.Rooms.Domain;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class IdempotencyRetentionTests
{
    [Fact]
    public async Task SendMessageAsync_RecordOlderThan24h_PrunedWhileYoungerKept()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var old = await room.SendAsync("bob", "old");
        room.Time.Advance(TimeSpan.FromHours(23));
        var young = await room.SendAsync("bob", "young");

        room.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await room.SendAsync("bob", "trigger");

        room.State.IsCommitted(StateKeys.Idempotency("bob", "old")).ShouldBeFalse();
        room.State.IsCommitted(StateKeys.Idempotency("bob", "young")).ShouldBeTrue();
        (await room.SendAsync("bob", "young")).Ack.ShouldBe(young.Ack);
        // Past the retention the id is free again: a late "retry" is a new message, as the contract allows.
        var late = await room.SendAsync("bob", "old");
        late.Duplicate.ShouldBeFalse();
        late.Ack.Seq.ShouldBe(4);
        late.Ack.MessageId.ShouldNotBe(old.Ack.MessageId);
    }

    [Fact]
    public async Task SendMessageAsync_FirstSendWithNothingToPrune_SavesTheCursorSoLaterSendsReadItFromCache()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.SendAsync("bob", "first");

        // Saved although nothing was pruned: the SDK does not cache a missing key, so it would be re-read every send.
        room.State.ReadCommitted<long>(StateKeys.PruneCursor).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessageAsync_Exactly24hOld_StillAnswersWithSameAck()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var first = await room.SendAsync("bob", "edge");

        room.Time.Advance(TimeSpan.FromHours(24));
        await room.SendAsync("bob", "trigger");

        (await room.SendAsync("bob", "edge")).Ack.ShouldBe(first.Ack);
    }

    [Fact]
    public async Task SendMessageAsync_ManyExpiredRecords_PrunedInBoundedBatches()
    {
        var room = RoomHarness.Create(options: new RoomsOptions { PruneBatchSize = 3 });
        await room.Call(a => a.CreateAsync(new("team", "group", RoomHarness.Owner, ["bob"])));
        for (var i = 0; i < 5; i++)
            await room.SendAsync("bob", $"m{i}");
        room.Time.Advance(TimeSpan.FromDays(2));

        await room.SendAsync("bob", "first-trigger");
        var leftAfterFirst = Enumerable.Range(0, 5).Count(i => room.State.IsCommitted(StateKeys.Idempotency("bob", $"m{i}")));
        await room.SendAsync("bob", "second-trigger");
        var leftAfterSecond = Enumerable.Range(0, 5).Count(i => room.State.IsCommitted(StateKeys.Idempotency("bob", $"m{i}")));

        leftAfterFirst.ShouldBe(2);
        leftAfterSecond.ShouldBe(0);
        room.State.IsCommitted(StateKeys.Idempotency("bob", "first-trigger")).ShouldBeTrue();
    }
}
