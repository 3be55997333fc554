using System.Text;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace ChatDapr.LocalDapr.Tests.Actors;

public interface ICounterActor : IActor
{
    Task<int> IncrementAsync(int by);
    Task<int> GetAsync();
    Task<string> WhoAmIAsync();
    Task FailAsync(string message);
    /// <summary>Records concurrency and arrival order; blocks while the probe's gate is closed.</summary>
    Task<int> WorkAsync(int tag);
    Task StartTimerAsync(string name, int periodMs);
    Task StopTimerAsync(string name);
    Task StartReminderAsync(string name, int periodMs);
    Task<string?> GetReminderPeriodAsync(string name);
    Task StopReminderAsync(string name);
    /// <summary>Calls itself through a proxy <paramref name="depth"/> times: only possible with reentrancy.</summary>
    Task<int> RecurseAsync(int depth);
}

/// <summary>A real Dapr.Actors actor; everything it sees goes to the <see cref="ActorProbe"/> of its app.</summary>
public sealed class CounterActor(ActorHost host, ActorProbe probe) : Actor(host), ICounterActor, IRemindable
{
    private const string CountKey = "count";

    public async Task<int> IncrementAsync(int by)
    {
        probe.Served(Id.GetId());
        var count = await StateManager.GetOrAddStateAsync(CountKey, 0) + by;
        await StateManager.SetStateAsync(CountKey, count);
        return count;
    }

    public Task<int> GetAsync() => StateManager.GetOrAddStateAsync(CountKey, 0);

    public Task<string> WhoAmIAsync()
    {
        probe.Served(Id.GetId());
        return Task.FromResult(probe.InstanceName);
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public async Task<int> WorkAsync(int tag)
    {
        var key = Id.GetId();
        probe.Enter(key, tag);
        try
        {
            await probe.Gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Stay inside the turn for a moment so that overlapping turns would be seen.
            await Task.Yield();
            await Task.Delay(5);
            return tag;
        }
        finally
        {
            probe.Exit(key);
        }
    }

    public Task StartTimerAsync(string name, int periodMs) =>
        RegisterTimerAsync(name, nameof(OnTimerAsync), Encoding.UTF8.GetBytes(name), TimeSpan.Zero, TimeSpan.FromMilliseconds(periodMs));

    public Task StopTimerAsync(string name) => UnregisterTimerAsync(name);

    private Task OnTimerAsync(byte[] data)
    {
        probe.Count($"{Id.GetId()}/timer/{Encoding.UTF8.GetString(data)}");
        return Task.CompletedTask;
    }

    public Task StartReminderAsync(string name, int periodMs) =>
        RegisterReminderAsync(name, Encoding.UTF8.GetBytes(name), TimeSpan.Zero, TimeSpan.FromMilliseconds(periodMs));

    public async Task<string?> GetReminderPeriodAsync(string name) =>
        await GetReminderAsync(name) is { } reminder ? reminder.Period.ToString() : null;

    public Task StopReminderAsync(string name) => UnregisterReminderAsync(name);

    public Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        probe.Count($"{Id.GetId()}/reminder/{reminderName}");
        probe.Count($"{Id.GetId()}/reminder/{reminderName}/data={Encoding.UTF8.GetString(state)}");
        return Task.CompletedTask;
    }

    public async Task<int> RecurseAsync(int depth) =>
        depth <= 0 ? 0 : 1 + await ProxyFactory.CreateActorProxy<ICounterActor>(Id, Host.ActorTypeInfo.ActorTypeName).RecurseAsync(depth - 1);

    protected override Task OnDeactivateAsync()
    {
        probe.Count($"{Id.GetId()}/deactivated");
        return Task.CompletedTask;
    }
}
