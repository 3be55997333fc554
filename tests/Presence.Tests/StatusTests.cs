using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Presence.Tests;

public sealed class StatusTests
{
    [Fact]
    public async Task SetStatusAsync_Invisible_ReportedOfflineToOthers()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");

        var info = await p.SetStatusAsync(PresenceStatuses.Invisible);

        info.Status.ShouldBe(PresenceStatuses.Offline);
        (await p.GetAsync()).Status.ShouldBe(PresenceStatuses.Offline);
        p.Changes.Select(c => c.Status).ShouldBe([PresenceStatuses.Online, PresenceStatuses.Offline]);
        (await p.Call(a => a.GetConnectionsAsync())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ConnectAsync_WhileInvisible_NoEvent()
    {
        var p = new PresenceHarness();
        await p.SetStatusAsync(PresenceStatuses.Invisible);

        await p.ConnectAsync("c1");
        await p.DisconnectAsync("c1");

        p.Changes.ShouldBeEmpty();
        (await p.GetAsync()).Status.ShouldBe(PresenceStatuses.Offline);
    }

    [Fact]
    public async Task SetStatusAsync_VisibleChanges_EventEach()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");

        await p.SetStatusAsync(PresenceStatuses.Away);
        await p.SetStatusAsync(PresenceStatuses.Away);
        await p.SetStatusAsync(PresenceStatuses.Busy);
        await p.SetStatusAsync(PresenceStatuses.Invisible);
        await p.SetStatusAsync(PresenceStatuses.Online);

        p.Changes.Select(c => (c.Status, c.Version)).ShouldBe([
            (PresenceStatuses.Online, 1L), (PresenceStatuses.Away, 2L), (PresenceStatuses.Busy, 3L),
            (PresenceStatuses.Offline, 4L), (PresenceStatuses.Online, 5L)]);
    }

    [Fact]
    public async Task SetStatusAsync_WhileDisconnected_NoEventUntilConnect()
    {
        var p = new PresenceHarness();

        var info = await p.SetStatusAsync(PresenceStatuses.Busy);
        info.Status.ShouldBe(PresenceStatuses.Offline);
        p.Changes.ShouldBeEmpty();

        (await p.ConnectAsync("c1")).Status.ShouldBe(PresenceStatuses.Busy);
        p.Changes.Single().Status.ShouldBe(PresenceStatuses.Busy);
    }

    [Theory]
    [InlineData(PresenceStatuses.Offline)]
    [InlineData("sleeping")]
    [InlineData("")]
    public async Task SetStatusAsync_NotSelectable_Invalid(string status)
    {
        var p = new PresenceHarness();

        var error = await Should.ThrowAsync<ChatError>(p.SetStatusAsync(status));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
    }
}
