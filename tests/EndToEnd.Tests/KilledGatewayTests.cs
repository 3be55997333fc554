using ChatDapr.Testing.Chat;
using Shouldly;

namespace ChatDapr.EndToEnd.Tests;

/// <summary>A gateway that dies without saying goodbye: its users' connections expire within two heartbeat intervals.</summary>
public sealed class KilledGatewayTests(KilledGatewaySystem fixture) : IClassFixture<KilledGatewaySystem>
{
    [Fact]
    public async Task Presence_GatewayKilled_UsersOnItGoOfflineByExpiry()
    {
        var system = fixture.System;
        var alice = await ChatAccounts.RegisterAsync(system.Gateways[0], "alice");
        var bob = await ChatAccounts.RegisterAsync(system.Gateways[1], "bob");
        await using var a = await ChatClient.ConnectAsync(new Uri(system.Gateways[0], "hubs/chat"), alice.AccessToken);
        await using var b = await ChatClient.ConnectAsync(new Uri(system.Gateways[1], "hubs/chat"), bob.AccessToken);
        await a.CreateGroupAsync("crash", bob.UserId);
        (await a.Call<IReadOnlyList<Contracts.Wire.PresenceInfo>>("GetPresence", (object)new[] { bob.UserId })).Single().Status.ShouldBe("online");

        system.KillGateway(1);

        // Heartbeat interval 2 s in this system: expiry after two missed intervals plus the actor's check period.
        await a.Presence.WaitForAsync(p => p.UserId == bob.UserId && p.Status == "offline",
            "alice is told bob went offline once his gateway's heartbeats stop", TimeSpan.FromSeconds(30));
        (await a.Call<IReadOnlyList<Contracts.Wire.PresenceInfo>>("GetPresence", (object)new[] { bob.UserId })).Single().Status.ShouldBe("offline");
    }
}
