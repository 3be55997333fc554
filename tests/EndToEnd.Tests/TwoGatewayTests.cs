using ChatDapr.Contracts.Wire;
using ChatDapr.Testing;
using ChatDapr.Testing.Chat;
using Shouldly;

namespace ChatDapr.EndToEnd.Tests;

/// <summary>Invariant 8: with two gateway instances, members connected to either receive every message of their rooms.</summary>
public sealed class TwoGatewayTests(TwoGatewaySystem fixture) : IClassFixture<TwoGatewaySystem>
{
    [Fact]
    public async Task Group_MembersSplitAcrossTwoGateways_EveryoneReceivesEveryMessage_Invariant8()
    {
        var system = fixture.System;
        system.Gateways.Count.ShouldBe(2);
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ChatAccounts.RegisterAsync(system.Gateways[i % 2], $"split{i}")));
        var clients = await Task.WhenAll(users.Select((u, i) =>
            ChatClient.ConnectAsync(new Uri(system.Gateways[i % 2], "hubs/chat"), u.AccessToken)));
        try
        {
            var room = await clients[0].CreateGroupAsync("split", users.Skip(1).Select(u => u.UserId).ToArray());
            var acks = new List<SendAck>();
            for (var i = 0; i < users.Length; i++)
                acks.Add(await clients[i].SendAsync(room.RoomId, $"from {i} via gateway {i % 2}"));

            foreach (var c in clients)
            {
                await Poll.UntilAsync(() => c.Received.Items.Count(m => m.RoomId == room.RoomId) >= acks.Count,
                    "every member, on either gateway, receives every message");
                c.Received.Items.Where(m => m.RoomId == room.RoomId).Select(m => m.Seq).ShouldBe(acks.Select(a => a.Seq));
            }
        }
        finally
        {
            foreach (var c in clients)
                await c.DisposeAsync();
        }
    }
}
