using ChatDapr.Testing;
using ChatDapr.Testing.Faults;
using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// (e) The Redis profile with every sidecar reaching redis-server through a <see cref="TcpProxy"/>: the link is slowed,
/// then cut (open connections, nothing passes) and healed, then every connection is reset. Unlike a Redis restart the
/// server keeps running, so a command can take effect while its reply is lost: sidecars see failures of writes that
/// happened.
/// </summary>
public sealed class RedisLinkFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_RedisLinkDelayedCutAndReset_NothingLostDuplicatedReorderedOrMissing()
    {
        var seed = Seeds.Pick(output, nameof(RedisLinkFaultTests));
        await using var redis = await RedisServer.StartAsync();
        await using var link = await TcpProxy.StartAsync("127.0.0.1", redis.Port);
        await using var system = await ChatSystem.StartAsync("redis", gateways: 2, redis: redis, options: new ChatSystemOptions { RedisAddress = link.Address });
        await using var run = await ChatRun.StartAsync(system, new RunShape(), seed, output);
        var slowAt = run.Schedule.Next(60, 100);
        var delay = TimeSpan.FromMilliseconds(run.Schedule.Next(100, 300));
        var slowFor = run.Schedule.Next(15, 30);
        var cutFor = TimeSpan.FromSeconds(run.Schedule.Next(2, 5));
        var resetAfter = run.Schedule.Next(15, 30);
        var acceptedBeforeReset = 0;

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(slowAt);
            var slow = $"redis link delayed {delay.TotalMilliseconds:0} ms each way for {slowFor} acks after {slowAt} acks";
            r.BeginFault(slow);
            link.Delay(delay);
            await r.AckedAtLeastAsync(r.Acked + slowFor);
            r.EndFault(slow);

            var cut = $"redis link blackholed for {cutFor.TotalSeconds:0} s";
            var cutAt = r.History.Now;
            r.BeginFault(cut);
            link.Blackhole();
            try
            {
                await r.FaultFeltAsync(cutAt, cutFor);
            }
            finally
            {
                link.Heal();
                r.EndFault(cut);
            }

            await r.AckedAtLeastAsync(r.Acked + resetAfter);
            var reset = $"every redis connection reset {resetAfter} acks after the heal";
            acceptedBeforeReset = link.ConnectionsAccepted;
            r.BeginFault(reset);
            link.ResetAll();
            r.EndFault(reset);
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        (report.Measurements.TimedOut + report.Measurements.Failed).ShouldBeGreaterThan(0, "sends were retried while the link was cut");
        link.ConnectionsAccepted.ShouldBeGreaterThan(acceptedBeforeReset, "the sidecars reconnected to Redis through the proxy after the reset");
    }
}
