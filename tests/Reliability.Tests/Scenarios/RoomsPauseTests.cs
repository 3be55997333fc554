using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>(b) The rooms service (RoomActor host) SIGSTOPped during sends, then SIGCONT: sends time out and are retried with the same id.</summary>
public sealed class RoomsPauseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_RoomsPausedMidRun_RetriesKeepOneSeqPerMessageAndNothingLost()
    {
        var seed = Seeds.Pick(output, nameof(RoomsPauseTests));
        await using var system = await ChatSystem.StartAsync("embedded");
        await using var run = await ChatRun.StartAsync(system, new RunShape(), seed, output);
        var pauseAt = run.Schedule.Next(80, 140);
        var pauseFor = TimeSpan.FromSeconds(run.Schedule.Next(4, 8));

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(pauseAt);
            var fault = $"SIGSTOP rooms for {pauseFor.TotalSeconds:0} s after {pauseAt} acks";
            var pausedAt = r.History.Now;
            r.BeginFault(fault);
            system.Pause("rooms");
            try
            {
                await r.FaultFeltAsync(pausedAt, pauseFor);
            }
            finally
            {
                system.Resume("rooms");
                r.EndFault(fault);
            }
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        (report.Measurements.TimedOut + report.Measurements.Failed).ShouldBeGreaterThan(0, "sends were retried after the pause");
    }
}
