using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Tests.Harness;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class PresenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Disconnect_LastConnection_RoomMateSeesOnlineThenOffline()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway1.NewUserAsync("bob");
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        await bobClient.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "bob knows the room");

        (await bobClient.Call<IReadOnlyList<PresenceInfo>>("GetPresence", (object)new[] { alice.UserId })).Single().Status
            .ShouldBe(PresenceStatuses.Online);
        await aliceClient.DisposeAsync();

        var offline = await bobClient.Presence.WaitForAsync(
            p => p.UserId == alice.UserId && p.Status == PresenceStatuses.Offline, "bob is told alice went offline");
        offline.LastSeen.ShouldNotBeNull();
        var queried = (await bobClient.Call<IReadOnlyList<PresenceInfo>>("GetPresence", (object)new[] { alice.UserId })).Single();
        queried.Status.ShouldBe(PresenceStatuses.Offline);

        await using var again = await fixture.Gateway0.ConnectAsync(alice);
        await bobClient.Presence.WaitForAsync(
            p => p.UserId == alice.UserId && p.Status == PresenceStatuses.Online, "bob is told alice is back");
    }

    [Fact]
    public async Task SetStatus_Away_RoomMateSeesAway()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        var bob = await fixture.Gateway0.NewUserAsync("bob");
        await using var aliceClient = await fixture.Gateway0.ConnectAsync(alice);
        await using var bobClient = await fixture.Gateway1.ConnectAsync(bob);
        var room = await aliceClient.CreateDirectAsync(bob.UserId);
        await bobClient.RoomUpdates.WaitForAsync(r => r.RoomId == room.RoomId, "bob knows the room");

        await aliceClient.Call("SetStatus", PresenceStatuses.Away);

        await bobClient.Presence.WaitForAsync(p => p.UserId == alice.UserId && p.Status == PresenceStatuses.Away, "bob sees alice away");
    }

    [Fact]
    public async Task SetStatus_Offline_Invalid()
    {
        var alice = await fixture.Gateway0.NewUserAsync("alice");
        await using var client = await fixture.Gateway0.ConnectAsync(alice);

        await client.Call("SetStatus", PresenceStatuses.Offline).ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }
}
