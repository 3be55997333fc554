using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using Microsoft.AspNetCore.SignalR;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class MessagingTests(ClusterFixture fixture)
{
    private async Task<(ChatClient Alice, ChatClient Bob, TestUser AliceUser, TestUser BobUser, string RoomId)> DirectPairAsync()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        // Bob's connection joins room:{id} when the member-joined event reaches his gateway; ephemeral events (typing)
        // sent before that are not delivered to him, so wait for the room to reach him first.
        await bobClient.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "the new room reached bob's gateway");
        return (aliceClient, bobClient, alice, bob, room.RoomId);
    }

    [Fact]
    public async Task SendMessage_RetriedWithSameClientMessageId_SameAckAndDeliveredOnce()
    {
        var (alice, bob, _, _, roomId) = await DirectPairAsync();
        await using var _a = alice;
        await using var _b = bob;
        var clientMessageId = Guid.NewGuid().ToString("N");

        var acks = new List<SendAck>();
        for (var i = 0; i < 3; i++)
            acks.Add(await alice.SendAsync(roomId, "only once", clientMessageId));
        var marker = await alice.SendAsync(roomId, "marker");

        acks.Distinct().Count().ShouldBe(1);
        marker.Seq.ShouldBe(acks[0].Seq + 1);
        // Fan-out keeps publish order, so once the marker arrived every copy of the first message did too.
        await bob.Received.WaitForAsync(m => m.Seq == marker.Seq, "bob receives the marker");
        bob.Received.Items.Count(m => m.Seq == acks[0].Seq).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_NonMember_ForbiddenAndNothingDelivered()
    {
        var (alice, bob, _, _, roomId) = await DirectPairAsync();
        await using var _a = alice;
        await using var _b = bob;
        var mallory = await fixture.Gateway0.NewUserAsync("mallory");
        await using var malloryClient = await fixture.Gateway0.ConnectAsync(mallory);

        await malloryClient.SendAsync(roomId, "let me in").ShouldFailWithAsync(ChatErrorCodes.Forbidden);
        await malloryClient.Call<HistoryPage>("GetHistory", roomId, null, 10).ShouldFailWithAsync(ChatErrorCodes.Forbidden);
        await malloryClient.Call<IReadOnlyList<SyncResult>>("Sync", (object)new[] { new SyncRequest(roomId, 0) }).ShouldBeEmptyAsync();
        await malloryClient.Call("Typing", roomId).ShouldFailWithAsync(ChatErrorCodes.Forbidden);
        await malloryClient.Call<ReadReceipt>("MarkRead", roomId, 0L).ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        var marker = await alice.SendAsync(roomId, "marker");
        await bob.Received.WaitForAsync(m => m.Seq == marker.Seq, "bob receives the marker");
        marker.Seq.ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_BurstOverBudget_RateLimited()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var room = await client.CreateGroupAsync("burst");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(async i =>
        {
            try
            {
                await client.SendAsync(room.RoomId, "flood " + i);
                return "ok";
            }
            catch (HubException e)
            {
                return ChatError.TryParseCode(e.Message, out var code) ? code : e.Message;
            }
        }));

        outcomes.ShouldContain("ok");
        outcomes.ShouldContain(ChatErrorCodes.RateLimited);
        outcomes.ShouldAllBe(o => o == "ok" || o == ChatErrorCodes.RateLimited);
    }

    [Fact]
    public async Task Typing_Member_ReachesTheOtherMemberOnly()
    {
        var (alice, bob, aliceUser, bobUser, roomId) = await DirectPairAsync();
        await using var _a = alice;
        await using var _b = bob;

        await alice.Call("Typing", roomId);
        await bob.Typing.WaitForAsync(t => t.RoomId == roomId && t.UserId == aliceUser.UserId, "bob sees alice typing");
        await bob.Call("Typing", roomId);
        await alice.Typing.WaitForAsync(t => t.UserId == bobUser.UserId, "alice sees bob typing");

        alice.Typing.Items.ShouldAllBe(t => t.UserId == bobUser.UserId);
        bob.Typing.Items.ShouldAllBe(t => t.UserId == aliceUser.UserId);
    }

    [Fact]
    public async Task EditAndDelete_Sender_OtherMemberReceivesBoth()
    {
        var (alice, bob, _, _, roomId) = await DirectPairAsync();
        await using var _a = alice;
        await using var _b = bob;
        var sent = await alice.SendAsync(roomId, "typo");

        var edited = await alice.Call<Message>("EditMessage", roomId, sent.MessageId, "fixed");
        var deleted = await alice.Call<MessageDeletedEvent>("DeleteMessage", roomId, sent.MessageId);

        edited.Text.ShouldBe("fixed");
        (await bob.Edited.WaitForAsync(m => m.MessageId == sent.MessageId, "bob sees the edit")).Text.ShouldBe("fixed");
        (await bob.Deleted.WaitForAsync(d => d.MessageId == sent.MessageId, "bob sees the delete")).ShouldBe(deleted);
        deleted.Seq.ShouldBe(sent.Seq);
    }

    [Fact]
    public async Task EditMessage_OtherUsersMessage_Forbidden()
    {
        var (alice, bob, _, _, roomId) = await DirectPairAsync();
        await using var _a = alice;
        await using var _b = bob;
        var sent = await alice.SendAsync(roomId, "mine");

        await bob.Call<Message>("EditMessage", roomId, sent.MessageId, "yours now").ShouldFailWithAsync(ChatErrorCodes.Forbidden);
    }

    [Theory]
    [InlineData("bogus", "name")]
    [InlineData("direct", "two-others")]
    [InlineData("group", "")]
    public async Task CreateRoom_BadRequest_Invalid(string kind, string name)
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        var carol = await fixture.Gateway0.NewUserAsync("carol");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var members = name == "two-others" ? new[] { bob.UserId, carol.UserId } : [bob.UserId];

        await client.Call<Room>("CreateRoom", new CreateRoomRequest(name, kind, members)).ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task CreateRoom_UnknownMember_NotFound()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);

        await client.CreateDirectAsync("no-such-user-" + Guid.NewGuid().ToString("N")).ShouldFailWithAsync(ChatErrorCodes.NotFound);
    }

    [Fact]
    public async Task SendMessage_MissingClientMessageId_Invalid()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);
        var room = await client.CreateGroupAsync("solo");

        await client.Call<SendAck>("SendMessage", new SendMessageRequest(room.RoomId, "", "hi")).ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }
}
