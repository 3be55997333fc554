using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>(d) Every client drops its connection at once mid-run and reconnects, syncing from its last seq.</summary>
public sealed class ReconnectStormTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_EveryClientReconnectsAtOnce_NothingLostDuplicatedReorderedOrMissing()
    {
        var seed = Seeds.Pick(output, nameof(ReconnectStormTests));
        await using var system = await ChatSystem.StartAsync("embedded", gateways: 2);
        await using var run = await ChatRun.StartAsync(system, new RunShape(), seed, output);
        var stormAt = run.Schedule.Next(80, 140);

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(stormAt);
            var fault = $"reconnect storm after {stormAt} acks";
            r.BeginFault(fault);
            await Task.WhenAll(r.Clients.Select(c => c.DropAsync()));
            r.EndFault(fault);
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        report.Measurements.Reconnects.ShouldBeGreaterThanOrEqualTo(run.Clients.Count, "every client reconnected");
    }
}
