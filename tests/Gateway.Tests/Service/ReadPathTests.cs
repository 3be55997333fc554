using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

// History, catch-up and read markers through the gateway and the real messages service.
public sealed class ReadPathTests(ClusterFixture fixture)
{
    private static async Task<List<SendAck>> SendManyAsync(ChatClient client, string roomId, int count)
    {
        var acks = new List<SendAck>();
        for (var i = 1; i <= count; i++)
            acks.Add(await client.SendAsync(roomId, "message " + i));
        return acks;
    }

    [Fact]
    public async Task Invariant4_GetHistoryRightAfterAck_ContainsTheMessages()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var room = await client.CreateGroupAsync("history");
        await SendManyAsync(client, room.RoomId, 3);

        var page = await client.Call<HistoryPage>("GetHistory", room.RoomId, null, 10);

        page.Messages.Select(m => (m.Seq, m.Text)).ShouldBe([(1L, "message 1"), (2L, "message 2"), (3L, "message 3")]);
        page.HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task GetHistory_BeforeSeq_PagesBackwardsInAscendingOrder()
    {
        var alice = await fixture.Gateway1.NewUserAsync("alice");
        await using var client = await fixture.Gateway1.ConnectAsync(alice, WireProtocol.MessagePack);
        var room = await client.CreateGroupAsync("pages");
        await SendManyAsync(client, room.RoomId, 5);

        var newest = await client.Call<HistoryPage>("GetHistory", room.RoomId, null, 2);
        var middle = await client.Call<HistoryPage>("GetHistory", room.RoomId, 4L, 2);
        var oldest = await client.Call<HistoryPage>("GetHistory", room.RoomId, 2L, 2);

        newest.Messages.Select(m => m.Seq).ShouldBe([4L, 5L]);
        middle.Messages.Select(m => m.Seq).ShouldBe([2L, 3L]);
        oldest.Messages.Select(m => m.Seq).ShouldBe([1L]);
        new[] { newest.HasMore, middle.HasMore, oldest.HasMore }.ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task Invariant5_SyncAfterReconnect_EverythingMissedInSeqOrder()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        long lastSeen;
        await using (var bobClient = await fixture.Gateway1.ConnectAsync(bob))
        {
            var first = await aliceClient.SendAsync(room.RoomId, "while bob is here");
            lastSeen = (await bobClient.Received.WaitForAsync(m => m.Seq == first.Seq, "bob receives the first message")).Seq;
        }
        await SendManyAsync(aliceClient, room.RoomId, 4);

        await using var again = await fixture.Gateway0.ConnectAsync(bob);
        var results = await again.Call<IReadOnlyList<SyncResult>>("Sync", (object)new[] { new SyncRequest(room.RoomId, lastSeen) });

        var result = results.ShouldHaveSingleItem();
        result.RoomId.ShouldBe(room.RoomId);
        result.Messages.Select(m => m.Seq).ShouldBe([2L, 3L, 4L, 5L]);
        result.HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task EditMessage_History_ShowsTheMessageInPlaceWithNewText()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var room = await client.CreateGroupAsync("edits");
        var sent = await client.SendAsync(room.RoomId, "tpyo");
        await client.SendAsync(room.RoomId, "after");

        await client.Call<Message>("EditMessage", room.RoomId, sent.MessageId, "typo");

        await Poll.UntilAsync(async () =>
        {
            var page = await client.Call<HistoryPage>("GetHistory", room.RoomId, null, 10);
            return page.Messages.Select(m => (m.Seq, m.Text)).SequenceEqual([(1L, "typo"), (2L, "after")]);
        }, "history shows the edit at the message's own seq");
    }

    [Fact]
    public async Task MarkRead_Member_RoomMateGetsReceiptAndGetRoomsCountsUnread()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        await SendManyAsync(aliceClient, room.RoomId, 3);

        var before = (await bobClient.Call<IReadOnlyList<RoomSummary>>("GetRooms")).ShouldHaveSingleItem();
        var receipt = await bobClient.Call<ReadReceipt>("MarkRead", room.RoomId, 2L);

        (before.RoomId, before.LastSeq, before.ReadSeq, before.Unread).ShouldBe((room.RoomId, 3L, 0L, 3L));
        receipt.ShouldBe(new ReadReceipt(room.RoomId, bob.UserId, 2));
        await aliceClient.Receipts.WaitForAsync(r => r.RoomId == room.RoomId && r.UserId == bob.UserId && r.Seq == 2, "alice sees bob's receipt");
        var after = (await bobClient.Call<IReadOnlyList<RoomSummary>>("GetRooms")).ShouldHaveSingleItem();
        (after.ReadSeq, after.Unread).ShouldBe((2L, 1L));
    }

    [Fact]
    public async Task GetRooms_RightAfterCreate_ListsEveryRoomOfTheUser()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var group = await client.CreateGroupAsync("Team", bob.UserId);
        var direct = await client.CreateDirectAsync(bob.UserId);

        var rooms = await client.Call<IReadOnlyList<RoomSummary>>("GetRooms");

        rooms.Select(r => (r.RoomId, r.Name, r.Kind)).ShouldBe(
            [(group.RoomId, "Team", RoomKinds.Group), (direct.RoomId, "", RoomKinds.Direct)], ignoreOrder: true);
    }

    [Fact]
    public async Task GetRooms_DirectRoomWithoutMessages_ListsBothMembersWithRoles()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using (var aliceClient = await fixture.Gateway0.ConnectAsync(alice))
            await aliceClient.CreateDirectAsync(bob.UserId);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob, WireProtocol.MessagePack);

        var room = (await bobClient.Call<IReadOnlyList<RoomSummary>>("GetRooms")).ShouldHaveSingleItem();

        room.Members.ShouldNotBeNull().Select(m => (m.UserId, m.Role))
            .ShouldBe([(alice.UserId, RoomRoles.Owner), (bob.UserId, RoomRoles.Member)]);
    }

    [Fact]
    public async Task GetReadMarkers_TwoMembersMarkedRead_AnotherConnectionSeesEveryMembersMarker()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        var carol = await fixture.Gateway0.NewUserAsync("carol");
        Room room;
        await using (var aliceClient = await fixture.Gateway0.ConnectAsync(alice))
        {
            room = await aliceClient.CreateGroupAsync("receipts", bob.UserId, carol.UserId);
            await SendManyAsync(aliceClient, room.RoomId, 3);
        }
        await using (var bobClient = await fixture.Gateway1.ConnectAsync(bob))
            await bobClient.Call<ReadReceipt>("MarkRead", room.RoomId, 2L);
        await using (var carolClient = await fixture.Gateway0.ConnectAsync(carol, WireProtocol.MessagePack))
            await carolClient.Call<ReadReceipt>("MarkRead", room.RoomId, 3L);

        // Alice again on a fresh connection, as after a reload: the markers come from the store, not from events.
        await using var reloaded = await fixture.Gateway1.ConnectAsync(alice);
        var markers = await reloaded.Call<IReadOnlyList<MemberReadMarker>>("GetReadMarkers", room.RoomId);

        markers.ShouldBe([new MemberReadMarker(alice.UserId, 0), new MemberReadMarker(bob.UserId, 2), new MemberReadMarker(carol.UserId, 3)]);
    }

    [Fact]
    public async Task GetReadMarkers_MessagePack_SameNamesAndValues()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        await SendManyAsync(aliceClient, room.RoomId, 2);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob, WireProtocol.MessagePack);
        await bobClient.Call<ReadReceipt>("MarkRead", room.RoomId, 2L);

        var markers = await bobClient.Call<IReadOnlyList<MemberReadMarker>>("GetReadMarkers", room.RoomId);

        markers.ShouldBe([new MemberReadMarker(alice.UserId, 0), new MemberReadMarker(bob.UserId, 2)]);
    }

    [Fact]
    public async Task GetReadMarkers_NonMemberOrUnknownRoom_ForbiddenOrNotFound()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var mallory = await fixture.Gateway1.NewUserAsync("mallory");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var room = await aliceClient.CreateGroupAsync("private");
        await aliceClient.SendAsync(room.RoomId, "secret");
        await aliceClient.Call<ReadReceipt>("MarkRead", room.RoomId, 1L);
        await using var malloryClient = await fixture.Gateway1.ConnectAsync(mallory);

        await malloryClient.Call<IReadOnlyList<MemberReadMarker>>("GetReadMarkers", room.RoomId).ShouldFailWithAsync(ChatErrorCodes.Forbidden);
        await malloryClient.Call<IReadOnlyList<MemberReadMarker>>("GetReadMarkers", "g-" + Guid.NewGuid().ToString("N"))
            .ShouldFailWithAsync(ChatErrorCodes.NotFound);
        await malloryClient.Call<IReadOnlyList<MemberReadMarker>>("GetReadMarkers", " ").ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }
}
