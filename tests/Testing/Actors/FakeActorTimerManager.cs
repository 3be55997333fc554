using Dapr.Actors.Runtime;

namespace ChatDapr.Testing.Actors;

/// <summary>
/// Records the reminders and timers an actor registers (pass it as <c>ActorTestOptions.TimerManager</c>); tests fire
/// them by calling the actor's callback themselves.
/// </summary>
public sealed class FakeActorTimerManager : ActorTimerManager
{
    private readonly Dictionary<string, ActorReminder> reminders = new();
    private readonly Dictionary<string, ActorTimer> timers = new();
    private readonly Lock gate = new();

    /// <summary>The currently registered reminder named <paramref name="name"/>, if any.</summary>
    public ActorReminder? Reminder(string name) { lock (gate) return reminders.GetValueOrDefault(name); }

    /// <summary>The currently registered timer named <paramref name="name"/>, if any.</summary>
    public ActorTimer? Timer(string name) { lock (gate) return timers.GetValueOrDefault(name); }

    public override Task RegisterReminderAsync(ActorReminder reminder)
    {
        lock (gate) reminders[reminder.Name] = reminder;
        return Task.CompletedTask;
    }

    public override Task<IActorReminder> GetReminderAsync(ActorReminderToken reminder)
    {
        lock (gate) return Task.FromResult<IActorReminder>(reminders.GetValueOrDefault(reminder.Name)!);
    }

    public override Task UnregisterReminderAsync(ActorReminderToken reminder)
    {
        lock (gate) reminders.Remove(reminder.Name);
        return Task.CompletedTask;
    }

    public override Task RegisterTimerAsync(ActorTimer timer)
    {
        lock (gate) timers[timer.Name] = timer;
        return Task.CompletedTask;
    }

    public override Task UnregisterTimerAsync(ActorTimerToken timer)
    {
        lock (gate) timers.Remove(timer.Name);
        return Task.CompletedTask;
    }
}
