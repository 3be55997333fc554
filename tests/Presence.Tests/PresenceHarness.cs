using System.Text.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Presence.Actors;
using ChatDapr.Testing.Actors;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatDapr.Presence.Tests;

// One presence actor over in-memory state, a recording publisher, a fake clock and a fake reminder registry.
internal sealed class PresenceHarness
{
    public const string Gateway = "gw-1";

    public PresenceHarness()
    {
        UserId = "user-" + Guid.NewGuid().ToString("N")[..8];
        var host = ActorHost.CreateForTest<PresenceActor>(new ActorTestOptions { ActorId = new ActorId(UserId), TimerManager = Timers });
        Actor = new PresenceActor(host, Publisher, Time, Microsoft.Extensions.Options.Options.Create(Options), State);
    }

    public string UserId { get; }
    public PresenceOptions Options { get; } = new() { HeartbeatInterval = TimeSpan.FromSeconds(10) };
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public InMemoryActorStateManager State { get; } = new(new JsonSerializerOptions(ChatJson.Options));
    public RecordingEventPublisher Publisher { get; } = new();
    public FakeActorTimerManager Timers { get; } = new();
    public PresenceActor Actor { get; }

    public IReadOnlyList<PresenceChangedIntegrationEvent> Changes => Publisher.OfType<PresenceChangedIntegrationEvent>();

    public ActorReminder? ExpiryReminder => Timers.Reminder(PresenceActor.ExpiryReminder);

    public Task<T> Call<T>(Func<IPresenceActor, Task<T>> call) => ActorTurn.RunAsync(State, () => call(Actor));

    public Task<PresenceInfo> ConnectAsync(string connectionId, string gateway = Gateway, string device = "phone") =>
        Call(a => a.ConnectAsync(new ConnectCommand(connectionId, device, gateway)));

    public Task<PresenceInfo> DisconnectAsync(string connectionId) =>
        Call(a => a.DisconnectAsync(new DisconnectCommand(connectionId)));

    public Task<PresenceInfo> HeartbeatAsync(string gateway, params string[] connectionIds) =>
        Call(a => a.HeartbeatAsync(new HeartbeatCommand(gateway, connectionIds)));

    public Task<PresenceInfo> SetStatusAsync(string status) => Call(a => a.SetStatusAsync(new SetStatusCommand(status)));

    public Task<PresenceInfo> GetAsync() => Call(a => a.GetPresenceAsync());

    // What the Dapr runtime does when the reminder is due.
    public async Task FireExpiryReminderAsync()
    {
        var reminder = ExpiryReminder.ShouldNotBeNull("the expiry reminder is registered");
        await ActorTurn.RunAsync(State, () => Actor.ReceiveReminderAsync(reminder.Name, reminder.State, reminder.DueTime, reminder.Period));
    }
}
