using ChatDapr.Reliability.Tests.Checking;
using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// (f) Slow consumers: two clients take 50-200 ms (seeded) over every live event while the others run normally, and
/// the messages service is SIGSTOPped for a while so its subscription backs up. Nothing may be lost, duplicated,
/// reordered or missing; the fast clients' e2e latency is reported beside the slow ones' (not asserted).
/// </summary>
public sealed class SlowConsumerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_SlowConsumersAndPausedMessagesService_NothingLostDuplicatedReorderedOrMissing()
    {
        var seed = Seeds.Pick(output, nameof(SlowConsumerTests));
        await using var system = await ChatSystem.StartAsync("embedded", gateways: 2);
        await using var run = await ChatRun.StartAsync(system, new RunShape { SlowConsumers = 2 }, seed, output);
        var pauseAt = run.Schedule.Next(80, 140);
        var pausedFor = run.Schedule.Next(30, 60);

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(pauseAt);
            // Sends do not go through the messages service, so the run keeps acking while its subscription backs up.
            var fault = $"SIGSTOP messages while {pausedFor} sends are acked, after {pauseAt} acks";
            r.BeginFault(fault);
            system.Pause("messages");
            try
            {
                await r.AckedAtLeastAsync(pauseAt + pausedFor);
            }
            finally
            {
                system.Resume("messages");
                r.EndFault(fault);
            }
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        var slow = run.Clients.Where(c => c.IsSlow).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var (slowLatency, fastLatency) = (Latency.Of(run.History.Events, slow.Contains), Latency.Of(run.History.Events, c => !slow.Contains(c)));
        output.WriteLine($"e2e latency, fast clients: {fastLatency}");
        output.WriteLine($"e2e latency, slow clients ({string.Join(", ", slow.Order())}): {slowLatency}");
        slowLatency.Samples.ShouldBeGreaterThan(0, "the slow clients received live events");
        fastLatency.Samples.ShouldBeGreaterThan(0, "the fast clients received live events");
    }
}
