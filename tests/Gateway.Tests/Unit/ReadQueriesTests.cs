using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Contracts.Messages;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class ReadQueriesTests
{
    private readonly FakeChatActors actors = new();
    private readonly FakeMessagesClient messages = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReadQueries Queries() => new(actors, new RoomAccess(actors), messages);

    [Fact]
    public async Task GetHistory_Member_AsksMessagesServiceWithRoomsLastSeq()
    {
        actors.AddRoom("r1", lastSeq: 42, "alice", "bob");

        await Queries().GetHistoryAsync("alice", "r1", beforeSeq: 30, limit: 20, Ct);

        messages.Calls.ShouldHaveSingleItem().ShouldBe(new HistoryQuery("r1", 30, 20, 42));
    }

    [Fact]
    public async Task GetHistory_NonMember_ForbiddenWithoutAskingMessagesService()
    {
        actors.AddRoom("r1", 5, "alice");

        var error = await Should.ThrowAsync<ChatError>(() => Queries().GetHistoryAsync("mallory", "r1", null, 10, Ct));

        error.Code.ShouldBe(ChatErrorCodes.Forbidden);
        messages.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task GetHistory_LimitOutOfRange_Invalid(int limit)
    {
        actors.AddRoom("r1", 5, "alice");

        var error = await Should.ThrowAsync<ChatError>(() => Queries().GetHistoryAsync("alice", "r1", null, limit, Ct));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task Sync_MixedRooms_AsksOnlyForMemberRoomsWithTheirLastSeq()
    {
        actors.AddRoom("mine", 9, "alice");
        actors.AddRoom("theirs", 3, "bob");

        var results = await Queries().SyncAsync("alice",
            [new SyncRequest("mine", 4), new SyncRequest("theirs", 0), new SyncRequest("gone", 0), new SyncRequest("mine", 4)], Ct);

        var query = messages.Calls.ShouldHaveSingleItem().ShouldBeOfType<SyncQuery>();
        query.Rooms.ShouldBe([new SyncRoomQuery("mine", 4, 9)]);
        query.Limit.ShouldBe(ReadQueries.SyncPageSize);
        results.Select(r => r.RoomId).ShouldBe(["mine"]);
    }

    [Fact]
    public async Task Sync_NegativeAfterSeq_Invalid()
    {
        var error = await Should.ThrowAsync<ChatError>(() => Queries().SyncAsync("alice", [new SyncRequest("r1", -1)], Ct));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task MarkRead_BeyondLastSeq_Invalid()
    {
        actors.AddRoom("r1", 5, "alice");

        var error = await Should.ThrowAsync<ChatError>(() => Queries().MarkReadAsync("alice", "r1", 6, Ct));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
        messages.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task MarkRead_Member_PassesSeqAndLastSeq()
    {
        actors.AddRoom("r1", 5, "alice");

        var receipt = await Queries().MarkReadAsync("alice", "r1", 4, Ct);

        messages.Calls.ShouldHaveSingleItem().ShouldBe(new ReadMarkerUpdate("r1", "alice", 4, 5));
        receipt.ShouldBe(new ReadReceipt("r1", "alice", 4));
    }

    [Fact]
    public async Task GetRooms_ReadMarkers_UnreadIsLastSeqMinusReadSeq()
    {
        actors.AddRoom("r1", 10, "alice");
        actors.AddRoom("r2", 3, "alice");
        actors.AddRoom("left", 7, "bob");
        messages.ReadSeqs["r1"] = 4;
        actors.RoomsOfUser["alice"] = ["r1", "r2", "left"];

        var rooms = await Queries().GetRoomsAsync("alice", Ct);

        rooms.Select(r => (r.RoomId, r.LastSeq, r.ReadSeq, r.Unread)).ShouldBe([("r1", 10L, 4L, 6L), ("r2", 3L, 0L, 3L)]);
        var query = messages.Calls.ShouldHaveSingleItem().ShouldBeOfType<ReadStateQuery>();
        query.UserId.ShouldBe("alice");
        query.RoomIds.ShouldBe(["r1", "r2"]);
    }

    [Fact]
    public async Task GetRooms_Member_ListsEveryMemberWithRole()
    {
        actors.AddRoom("dm", 2, "alice", "bob");
        actors.RoomsOfUser["alice"] = ["dm"];

        var rooms = await Queries().GetRoomsAsync("alice", Ct);

        rooms.ShouldHaveSingleItem().Members.ShouldNotBeNull()
            .Select(m => (m.UserId, m.Role)).ShouldBe([("alice", RoomRoles.Member), ("bob", RoomRoles.Member)]);
    }

    [Fact]
    public async Task GetReadMarkers_Member_EveryCurrentMemberClampedToLastSeq()
    {
        actors.AddRoom("r1", 5, "alice", "bob", "carol");
        messages.MemberReadSeqs["bob"] = 3;
        messages.MemberReadSeqs["carol"] = 9;

        var markers = await Queries().GetReadMarkersAsync("alice", "r1", Ct);

        markers.ShouldBe([new MemberReadMarker("alice", 0), new MemberReadMarker("bob", 3), new MemberReadMarker("carol", 5)]);
        var query = messages.Calls.ShouldHaveSingleItem().ShouldBeOfType<RoomReadMarkersQuery>();
        query.RoomId.ShouldBe("r1");
        query.UserIds.ShouldBe(["alice", "bob", "carol"]);
    }

    [Fact]
    public async Task GetReadMarkers_RoomBiggerThanOneRequest_AsksInChunksAndListsEveryone()
    {
        var members = Enumerable.Range(0, MessagesLimits.MaxRoomReadMarkersUsers + 1).Select(i => $"u{i}").ToArray();
        actors.AddRoom("big", 2, members);

        var markers = await Queries().GetReadMarkersAsync("u0", "big", Ct);

        markers.Select(m => m.UserId).ShouldBe(members);
        messages.Calls.Cast<RoomReadMarkersQuery>().Select(q => q.UserIds.Count).ShouldBe([MessagesLimits.MaxRoomReadMarkersUsers, 1]);
    }

    [Theory]
    [InlineData("r1", "mallory", ChatErrorCodes.Forbidden)]
    [InlineData("gone", "alice", ChatErrorCodes.NotFound)]
    [InlineData(" r1", "alice", ChatErrorCodes.Invalid)]
    [InlineData("", "alice", ChatErrorCodes.Invalid)]
    public async Task GetReadMarkers_NotAllowed_ErrorCodeWithoutAskingMessagesService(string roomId, string userId, string code)
    {
        actors.AddRoom("r1", 5, "alice");

        var error = await Should.ThrowAsync<ChatError>(() => Queries().GetReadMarkersAsync(userId, roomId, Ct));

        error.Code.ShouldBe(code);
        messages.Calls.ShouldBeEmpty();
    }
}
