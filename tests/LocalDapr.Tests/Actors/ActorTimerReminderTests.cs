using ChatDapr.LocalDapr.Actors;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorTimerReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AppId() => "timers-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Timer_Registered_FiresRepeatedlyAndStopsWhenUnregistered()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a");
        var actor = node.Counter("tm");

        await actor.StartTimerAsync("tick", 50).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => node.Probe.CountOf("tm/timer/tick") >= 3, "the timer fired three times");
        await actor.StopTimerAsync("tick").WaitAsync(ActorNode.Timeout, Ct);
        var afterStop = node.Probe.CountOf("tm/timer/tick");
        // A second timer with the same period proves time passed without waiting a fixed delay.
        await actor.StartTimerAsync("probe", 50).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => node.Probe.CountOf("tm/timer/probe") >= 5, "the probe timer fired five times");

        node.Probe.CountOf("tm/timer/tick").ShouldBe(afterStop);
    }

    [Fact]
    public async Task Reminder_Registered_FiresIsReadableAndStopsWhenUnregistered()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a");
        var actor = node.Counter("rm");

        await actor.StartReminderAsync("wake", 100).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => node.Probe.CountOf("rm/reminder/wake") >= 2, "the reminder fired twice");
        var period = await actor.GetReminderPeriodAsync("wake").WaitAsync(ActorNode.Timeout, Ct);
        await actor.StopReminderAsync("wake").WaitAsync(ActorNode.Timeout, Ct);
        var afterStop = node.Probe.CountOf("rm/reminder/wake");
        await actor.StartReminderAsync("probe", 100).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => node.Probe.CountOf("rm/reminder/probe") >= 4, "the probe reminder fired four times");

        period.ShouldBe(TimeSpan.FromMilliseconds(100).ToString());
        node.Probe.CountOf("rm/reminder/wake/data=wake").ShouldBeGreaterThanOrEqualTo(2);
        node.Probe.CountOf("rm/reminder/wake").ShouldBe(afterStop);
        (await actor.GetReminderPeriodAsync("wake").WaitAsync(ActorNode.Timeout, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Reminder_SidecarAndAppRestarted_FiresAgainFromSqliteStore()
    {
        var appId = AppId();
        var dir = Directory.CreateTempSubdirectory("actors-restart-");
        var file = Path.Combine(dir.FullName, "actors.db");
        try
        {
            await using (var first = new LocalSidecar(Components.SqliteState(file)))
            await using (var node = await ActorNode.StartAsync(first, appId, "first"))
            {
                await node.Counter("durable").StartReminderAsync("persist", 200).WaitAsync(ActorNode.Timeout, Ct);
                await Poll.UntilAsync(() => node.Probe.CountOf("durable/reminder/persist") >= 1, "the reminder fired before the restart");
            }

            await using var second = new LocalSidecar(Components.SqliteState(file));
            await using var restarted = await ActorNode.StartAsync(second, appId, "second");
            // Nobody calls the actor after the restart: the new sidecar must load the reminder by itself.
            await Poll.UntilAsync(() => restarted.Probe.CountOf("durable/reminder/persist") >= 2, "the reminder fires again after the restart");
            restarted.Probe.CountOf("durable/reminder/persist/data=persist").ShouldBeGreaterThanOrEqualTo(2);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task IdleActor_AfterIdleTimeout_DeactivatedAndReactivatedWithState()
    {
        await using var sidecars = new LocalSidecar(Components.InMemoryState());
        await using var node = await ActorNode.StartAsync(sidecars, AppId(), "a", o =>
        {
            o.ActorIdleTimeout = TimeSpan.FromMilliseconds(500);
            o.ActorScanInterval = TimeSpan.FromMilliseconds(100);
        });
        var table = node.Sidecar.Services.GetRequiredService<ActorTable>();

        await node.Counter("sleepy").IncrementAsync(1).WaitAsync(ActorNode.Timeout, Ct);
        await Poll.UntilAsync(() => node.Probe.CountOf("sleepy/deactivated") == 1 && table.Find(new ActorKey(ActorNode.ActorType, "sleepy")) is null,
            "OnDeactivateAsync ran after the idle timeout and the sidecar retired the activation");

        (await node.Counter("sleepy").IncrementAsync(1).WaitAsync(ActorNode.Timeout, Ct)).ShouldBe(2);
    }
}
