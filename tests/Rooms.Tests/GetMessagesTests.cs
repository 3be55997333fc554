using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class GetMessagesTests
{
    [Fact]
    public async Task GetMessagesAsync_Window_CurrentVersionsAscending()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var acks = new List<string>();
        for (var i = 1; i <= 5; i++)
            acks.Add((await room.SendAsync("bob", $"c{i}", $"m{i}")).Ack.MessageId);
        await room.Call(a => a.EditMessageAsync(new EditMessageCommand("bob", acks[1], "m2 edited")));
        await room.Call(a => a.DeleteMessageAsync(new DeleteMessageCommand("bob", acks[3])));

        var window = await Get(room, afterSeq: 1, limit: 3);

        window.Select(v => (v.Message.Seq, v.Version)).ShouldBe([(2L, 2L), (3L, 1L), (4L, 2L)]);
        window[0].Message.Text.ShouldBe("m2 edited");
        window[1].Message.Text.ShouldBe("m3");
        window[2].Message.ShouldSatisfyAllConditions(m => m.Deleted.ShouldBe(true), m => m.Text.ShouldBeEmpty());
    }

    [Theory]
    [InlineData(2, 200, new long[] { 3 })]
    [InlineData(0, 2, new long[] { 1, 2 })]
    [InlineData(3, 10, new long[0])]
    [InlineData(long.MaxValue - 1, 200, new long[0])]
    public async Task GetMessagesAsync_WindowBeyondLastSeq_ClampedToLastSeq(long afterSeq, int limit, long[] expected)
    {
        var room = await RoomHarness.GroupAsync("bob");
        for (var i = 1; i <= 3; i++)
            await room.SendAsync("bob", $"c{i}");

        var window = await Get(room, afterSeq, limit);

        window.Select(v => v.Message.Seq).ShouldBe(expected);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, GetMessagesQuery.MaxLimit + 1)]
    public async Task GetMessagesAsync_InvalidQuery_Invalid(long afterSeq, int limit)
    {
        var room = await RoomHarness.GroupAsync("bob");

        await Get(room, afterSeq, limit).ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task GetMessagesAsync_UnknownRoom_NotFound()
    {
        var room = RoomHarness.Create();

        await Get(room, 0, 10).ShouldFailWithAsync(ChatErrorCodes.NotFound);
    }

    [Fact]
    public async Task GetMessagesAsync_AfterNewActivation_ReadsPersistedLog()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var sent = await room.SendAsync("bob", "c1", "durable");

        room.NewActivation();
        var window = await Get(room, 0, 10);

        window.Single().ShouldSatisfyAllConditions(
            v => v.Message.MessageId.ShouldBe(sent.Ack.MessageId),
            v => v.Message.Text.ShouldBe("durable"),
            v => v.Version.ShouldBe(1));
    }

    private static Task<IReadOnlyList<VersionedMessage>> Get(RoomHarness room, long afterSeq, int limit) =>
        room.Call(a => a.GetMessagesAsync(new GetMessagesQuery(afterSeq, limit)));
}
