using ChatDapr.Gateway.Tests.Harness;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class DirectRoomTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task CreateRoom_DirectFromBothSides_SameRoomAndMessagesFlowBothWays(WireProtocol protocol)
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice, protocol);
        await using var bobClient = await fixture.Gateway0.ConnectAsync(bob, protocol);

        var fromAlice = await aliceClient.CreateDirectAsync(bob.UserId);
        var fromBob = await bobClient.CreateDirectAsync(alice.UserId);

        fromBob.RoomId.ShouldBe(fromAlice.RoomId);
        fromAlice.Members.Select(m => m.UserId).ShouldBe([alice.UserId, bob.UserId], ignoreOrder: true);
        var roomId = fromAlice.RoomId;

        var hello = await aliceClient.SendAsync(roomId, "hello bob");
        var atBob = await bobClient.Received.WaitForAsync(m => m.Seq == hello.Seq, "bob receives alice's message");
        atBob.Text.ShouldBe("hello bob");
        atBob.SenderId.ShouldBe(alice.UserId);
        atBob.MessageId.ShouldBe(hello.MessageId);

        var reply = await bobClient.SendAsync(roomId, "hi alice");
        reply.Seq.ShouldBe(hello.Seq + 1);
        var atAlice = await aliceClient.Received.WaitForAsync(m => m.Seq == reply.Seq, "alice receives bob's reply");
        atAlice.Text.ShouldBe("hi alice");
        atAlice.SentAt.ShouldBe(reply.SentAt);
    }
}
