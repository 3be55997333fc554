using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

// The redis profile's chat-fanout (Redis Streams, one consumer group per gateway sidecar, concurrency 1) against a
// real redis-server: the same delivery guarantees as the embedded broker.
public sealed class RedisFanoutTests
{
    [Fact]
    public async Task Invariant8_RedisProfileTwoGateways_EveryMemberReceivesEveryMessageInSeqOrder()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ChatCluster.StartAsync(gatewayCount: 2, redis.Address);
        var (gw0, gw1) = (cluster.Gateways[0], cluster.Gateways[1]);
        var alice = await gw0.NewUserAsync("alice");
        var bob = await gw1.NewUserAsync("bob");
        await using var aliceClient = await gw0.ConnectAsync(alice);
        await using var bobClient = await gw1.ConnectAsync(bob);
        var room = await aliceClient.CreateGroupAsync("over redis", bob.UserId);

        var acks = new List<SendAck>();
        for (var i = 0; i < 5; i++)
            acks.Add(await (i % 2 == 0 ? aliceClient : bobClient).SendAsync(room.RoomId, "message " + i));

        foreach (var client in new[] { aliceClient, bobClient })
        {
            await client.Received.WaitForAsync(m => m.RoomId == room.RoomId && m.Seq == 5, "every member gets the last message");
            client.Received.Items.Where(m => m.RoomId == room.RoomId).Select(m => m.Seq).ShouldBe([1, 2, 3, 4, 5]);
        }
        acks.Select(a => a.Seq).ShouldBe([1, 2, 3, 4, 5]);
    }
}
