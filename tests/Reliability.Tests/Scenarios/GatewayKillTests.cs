using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>(a) Two gateways, one SIGKILLed mid-run: its clients reconnect to the other and resync from their last seq.</summary>
public sealed class GatewayKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_GatewayKilledMidRun_NothingLostDuplicatedReorderedOrMissing()
    {
        var seed = Seeds.Pick(output, nameof(GatewayKillTests));
        await using var system = await ChatSystem.StartAsync("embedded", gateways: 2);
        await using var run = await ChatRun.StartAsync(system, new RunShape(), seed, output);
        var victim = run.Schedule.Next(system.Gateways.Count);
        var killAt = run.Schedule.Next(80, 140);

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(killAt);
            var fault = $"kill -9 gateway#{victim} after {killAt} acks";
            r.BeginFault(fault);
            system.Kill("gateway", victim);
            r.EndFault(fault);
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        report.Measurements.Reconnects.ShouldBeGreaterThanOrEqualTo(run.Clients.Count / system.Gateways.Count, "the killed gateway's clients reconnected");
        report.Measurements.AcksDropped.ShouldBeGreaterThan(0, "retries after dropped acks were exercised");
    }
}
