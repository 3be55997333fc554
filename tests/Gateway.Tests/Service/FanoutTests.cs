using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

// Delivery across gateway instances (invariant 8), in seq order (invariant 1), to members only (invariant 6).
public sealed class FanoutTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Invariant8_MembersSplitOverTwoGateways_EveryMemberReceivesEveryMessageInSeqOrder(WireProtocol protocol)
    {
        var (gw0, gw1) = (fixture.Gateway0, fixture.Gateway1);
        var alice = await gw0.NewUserAsync("alice");
        var bob = await gw1.NewUserAsync("bob");
        var carol = await gw1.NewUserAsync("carol");
        await using var alicePhone = await gw0.ConnectAsync(alice, protocol);
        await using var aliceLaptop = await gw1.ConnectAsync(alice, protocol);
        await using var bobClient = await gw1.ConnectAsync(bob, protocol);
        await using var carolClient = await gw0.ConnectAsync(carol, protocol);
        var room = await alicePhone.CreateGroupAsync("split", bob.UserId, carol.UserId);

        var acks = new List<SendAck>();
        for (var i = 0; i < 4; i++)
            acks.Add(await alicePhone.SendAsync(room.RoomId, "from alice " + i));
        acks.Add(await bobClient.SendAsync(room.RoomId, "from bob"));
        acks.Add(await carolClient.SendAsync(room.RoomId, "from carol"));

        acks.Select(a => a.Seq).ShouldBe([1, 2, 3, 4, 5, 6]);
        foreach (var client in new[] { alicePhone, aliceLaptop, bobClient, carolClient })
        {
            await client.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == 6, "every connection gets the last message");
            client.Received.Items.Where(m => m.RoomId == room.RoomId).Select(m => m.Seq).ShouldBe([1, 2, 3, 4, 5, 6]);
        }
    }

    [Fact]
    public async Task Invariant6_RemovedMember_ReceivesNothingPostedAfterRemoval()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        var carol = await fixture.Gateway1.NewUserAsync("carol");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        await using var carolClient = await fixture.Gateway1.ConnectAsync(carol);
        var group = await aliceClient.CreateGroupAsync("team", bob.UserId, carol.UserId);
        var direct = await aliceClient.CreateDirectAsync(carol.UserId);
        var before = await aliceClient.SendAsync(group.RoomId, "carol still here");
        await carolClient.Received.WaitForAsync(m => m.Seq == before.Seq && m.RoomId == group.RoomId, "carol gets messages while a member");

        var after = await aliceClient.Call<Room>("RemoveMember", group.RoomId, carol.UserId);
        after.Members.ShouldNotContain(m => m.UserId == carol.UserId);
        await carolClient.Left.WaitForAsync(e => e.RoomId == group.RoomId && e.UserId == carol.UserId, "carol hears she was removed");
        var secret = await aliceClient.SendAsync(group.RoomId, "carol is gone");
        var marker = await aliceClient.SendAsync(direct.RoomId, "marker");

        await bobClient.Received.WaitForAsync(m => m.Seq == secret.Seq && m.RoomId == group.RoomId, "bob still gets group messages");
        // message-posted is delivered in publish order: once the later DM arrived, the group message was handled too.
        await carolClient.Received.WaitForAsync(m => m.Seq == marker.Seq && m.RoomId == direct.RoomId, "carol gets the marker");
        carolClient.Received.Items.Where(m => m.RoomId == group.RoomId).Select(m => m.Seq).ShouldBe([before.Seq]);
    }

    [Fact]
    public async Task AddMembers_NewMemberOnOtherGateway_GetsRoomThenMessages()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var dave = await fixture.Gateway1.NewUserAsync("dave");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var daveClient = await fixture.Gateway1.ConnectAsync(dave);
        var room = await aliceClient.CreateGroupAsync("late joiners");

        var updated = await aliceClient.Call<Room>("AddMembers", room.RoomId, new[] { dave.UserId });
        updated.Members.ShouldContain(m => m.UserId == dave.UserId && m.Role == RoomRoles.Member);
        await daveClient.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "dave is told about the room");
        await aliceClient.Joined.WaitForAsync(e => e.RoomId == room.RoomId && e.UserId == dave.UserId, "alice sees dave join");
        var hello = await aliceClient.SendAsync(room.RoomId, "welcome dave");

        (await daveClient.Received.WaitForAsync(m => m.Seq == hello.Seq && m.RoomId == room.RoomId, "dave receives messages")).Text
            .ShouldBe("welcome dave");
    }

    [Fact]
    public async Task Connect_AfterRoomExists_JoinsTheRoomGroupOnConnect()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        await aliceClient.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "the room snapshot reached the gateways");

        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        // The handshake completes before OnConnectedAsync has joined the groups; a hub call is dispatched only after
        // it, so once one returns, the connect is done (typing is ephemeral: one sent earlier is simply not delivered).
        await bobClient.Call<ChatDapr.Contracts.Wire.RoomSummary[]>("GetRooms");
        await aliceClient.Call("Typing", room.RoomId);

        // Typing goes to the room group only, so receiving it proves bob's new connection joined room:{id}.
        await bobClient.Typing.WaitForAsync(t => t.RoomId == room.RoomId, "bob's connection is in the room group");
    }
}
