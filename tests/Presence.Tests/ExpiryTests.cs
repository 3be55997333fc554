using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Presence.Tests;

public sealed class ExpiryTests
{
    [Fact]
    public async Task GetPresenceAsync_NoHeartbeatForTwoIntervals_StillOnlineThenExpires()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");
        var connectedAt = p.Time.GetUtcNow();

        p.Time.Advance(p.Options.HeartbeatInterval * 2);
        var atLimit = await p.GetAsync();
        p.Time.Advance(TimeSpan.FromSeconds(1));
        var past = await p.GetAsync();

        atLimit.Status.ShouldBe(PresenceStatuses.Online);
        past.ShouldBe(new PresenceInfo(p.UserId, PresenceStatuses.Offline, connectedAt));
        p.Changes.Select(c => c.Status).ShouldBe([PresenceStatuses.Online, PresenceStatuses.Offline]);
    }

    [Fact]
    public async Task HeartbeatAsync_WithinTimeout_KeepsConnectionAlive()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");

        for (var i = 0; i < 5; i++)
        {
            p.Time.Advance(TimeSpan.FromSeconds(15));
            await p.HeartbeatAsync(PresenceHarness.Gateway, "c1");
        }
        p.Time.Advance(TimeSpan.FromSeconds(15));

        (await p.GetAsync()).Status.ShouldBe(PresenceStatuses.Online);
        p.Changes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReceiveReminderAsync_DeadGateway_ItsConnectionsExpireWithoutAnyCall()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1", gateway: "gw-dead");
        var lastHeard = p.Time.GetUtcNow();
        p.Time.Advance(TimeSpan.FromSeconds(10));
        await p.FireExpiryReminderAsync();
        p.Changes.Count.ShouldBe(1);

        p.Time.Advance(TimeSpan.FromSeconds(11));
        await p.FireExpiryReminderAsync();

        p.Changes[^1].ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(PresenceStatuses.Offline),
            c => c.LastSeen.ShouldBe(lastHeard));
        p.ExpiryReminder.ShouldBeNull();
    }

    [Fact]
    public async Task ReceiveReminderAsync_OneOfTwoGatewaysDead_OnlyItsConnectionExpiresNoEvent()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1", gateway: "gw-dead");
        await p.ConnectAsync("c2", gateway: "gw-live");

        p.Time.Advance(TimeSpan.FromSeconds(15));
        await p.HeartbeatAsync("gw-live", "c2");
        p.Time.Advance(TimeSpan.FromSeconds(15));
        await p.FireExpiryReminderAsync();

        var connections = await p.Call(a => a.GetConnectionsAsync());
        connections.Select(c => c.ConnectionId).ShouldBe(["c2"]);
        p.Changes.Count.ShouldBe(1);
        p.ExpiryReminder.ShouldNotBeNull();
    }

    [Fact]
    public async Task HeartbeatAsync_GatewayListsFewerConnections_UnlistedOfThatGatewayDropped()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1", gateway: "gw-a");
        await p.ConnectAsync("c2", gateway: "gw-a");
        await p.ConnectAsync("c3", gateway: "gw-b");

        await p.HeartbeatAsync("gw-a", "c2");

        (await p.Call(a => a.GetConnectionsAsync())).Select(c => c.ConnectionId).ShouldBe(["c2", "c3"], ignoreOrder: true);
    }

    [Fact]
    public async Task HeartbeatAsync_ConnectionExpiredWhileGatewayPaused_ComesBackOnline()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");
        p.Time.Advance(TimeSpan.FromSeconds(30));
        (await p.GetAsync()).Status.ShouldBe(PresenceStatuses.Offline);

        var info = await p.HeartbeatAsync(PresenceHarness.Gateway, "c1");

        info.Status.ShouldBe(PresenceStatuses.Online);
        (await p.Call(a => a.GetConnectionsAsync())).Single().ShouldBe(new("c1", "", PresenceHarness.Gateway));
        p.Changes.Select(c => c.Version).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public async Task HeartbeatAsync_EmptyListFromOnlyGateway_Offline()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");
        p.Time.Advance(TimeSpan.FromSeconds(4));

        var info = await p.HeartbeatAsync(PresenceHarness.Gateway);

        info.ShouldBe(new PresenceInfo(p.UserId, PresenceStatuses.Offline, p.Time.GetUtcNow()));
    }
}
