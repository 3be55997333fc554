using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Presence.Actors;
using ChatDapr.Presence.Domain;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using Shouldly;

namespace ChatDapr.Presence.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task ConnectAsync_FirstConnection_OnlineAndOneEvent()
    {
        var p = new PresenceHarness();

        var info = await p.ConnectAsync("c1");

        info.ShouldBe(new PresenceInfo(p.UserId, PresenceStatuses.Online, LastSeen: null));
        var change = p.Changes.Single();
        change.ShouldBe(new PresenceChangedIntegrationEvent(
            EventIds.ForPresenceVersion(p.UserId, 1), p.UserId, PresenceStatuses.Online, null, 1));
    }

    [Fact]
    public async Task ConnectAsync_SecondDevice_NoVisibleChangeNoEvent()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");

        await p.ConnectAsync("c2", device: "laptop");

        p.Changes.Count.ShouldBe(1);
        var connections = await p.Call(a => a.GetConnectionsAsync());
        connections.ShouldBe([new PresenceConnection("c1", "phone", PresenceHarness.Gateway), new PresenceConnection("c2", "laptop", PresenceHarness.Gateway)]);
    }

    [Fact]
    public async Task DisconnectAsync_LastConnection_OfflineWithLastSeen()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");
        await p.ConnectAsync("c2");
        p.Time.Advance(TimeSpan.FromSeconds(5));

        var afterFirst = await p.DisconnectAsync("c1");
        p.Time.Advance(TimeSpan.FromSeconds(5));
        var afterLast = await p.DisconnectAsync("c2");

        afterFirst.Status.ShouldBe(PresenceStatuses.Online);
        afterLast.ShouldBe(new PresenceInfo(p.UserId, PresenceStatuses.Offline, p.Time.GetUtcNow()));
        p.Changes.Select(c => c.Status).ShouldBe([PresenceStatuses.Online, PresenceStatuses.Offline]);
        p.Changes[^1].LastSeen.ShouldBe(p.Time.GetUtcNow());
    }

    [Fact]
    public async Task DisconnectAsync_UnknownConnection_NoChange()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");

        (await p.DisconnectAsync("other")).Status.ShouldBe(PresenceStatuses.Online);

        p.Changes.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("", PresenceHarness.Gateway)]
    [InlineData("c1", " ")]
    public async Task ConnectAsync_MissingIds_Invalid(string connectionId, string gateway)
    {
        var p = new PresenceHarness();

        var error = await Should.ThrowAsync<ChatError>(p.ConnectAsync(connectionId, gateway));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
        p.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectAsync_PublishFails_CallSucceedsAndReminderRepublishesSameEvent()
    {
        var p = new PresenceHarness();
        p.Publisher.FailWith = new InvalidOperationException("broker down");

        var info = await p.ConnectAsync("c1");
        await p.DisconnectAsync("c1");

        info.Status.ShouldBe(PresenceStatuses.Online);
        p.Changes.ShouldBeEmpty();
        p.ExpiryReminder.ShouldNotBeNull();
        p.Publisher.FailWith = null;
        await p.FireExpiryReminderAsync();

        // Only the latest visible state is published (version 2 = offline); the reminder then goes away.
        p.Changes.Single().ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(PresenceStatuses.Offline),
            c => c.Version.ShouldBe(2),
            c => c.EventId.ShouldBe(EventIds.ForPresenceVersion(p.UserId, 2)));
        p.ExpiryReminder.ShouldBeNull();
    }

    [Fact]
    public async Task ConnectAsync_FirstConnection_RegistersExpiryReminderEveryInterval()
    {
        var p = new PresenceHarness();

        await p.ConnectAsync("c1");

        var reminder = p.ExpiryReminder.ShouldNotBeNull();
        reminder.Period.ShouldBe(p.Options.HeartbeatInterval);
        reminder.DueTime.ShouldBe(p.Options.HeartbeatInterval);
        await p.DisconnectAsync("c1");
        p.ExpiryReminder.ShouldBeNull();
    }

    [Fact]
    public async Task ReceiveReminderAsync_StaleReminderWithNothingToWatch_UnregistersItself()
    {
        var p = new PresenceHarness();
        await p.Timers.RegisterReminderAsync(new ActorReminder(
            ActorTypes.PresenceActor, new ActorId(p.UserId), PresenceActor.ExpiryReminder, [], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));

        await p.FireExpiryReminderAsync();

        p.ExpiryReminder.ShouldBeNull();
        p.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveReminderAsync_OtherReminderName_Ignored()
    {
        var p = new PresenceHarness();
        await p.ConnectAsync("c1");
        p.Time.Advance(TimeSpan.FromMinutes(5));

        await p.Actor.ReceiveReminderAsync("something-else", [], TimeSpan.Zero, TimeSpan.Zero);

        p.Changes.Count.ShouldBe(1);
        p.State.ReadCommitted<PresenceRecord>(PresenceRecord.StateKey).Connections.Count.ShouldBe(1);
    }
}
