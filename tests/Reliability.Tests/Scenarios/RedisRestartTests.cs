using ChatDapr.Testing;
using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// (c) The Redis profile (state store, pub/sub) with redis-server stopped mid-run and started again on the same port
/// and data dir (appendfsync always): every acked send survives.
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_RedisRestartedMidRun_AckedSendsSurviveAndNothingDuplicated()
    {
        var seed = Seeds.Pick(output, nameof(RedisRestartTests));
        await using var redis = await RedisServer.StartAsync();
        await using var system = await ChatSystem.StartAsync("redis", gateways: 2, redis: redis);
        await using var run = await ChatRun.StartAsync(system, new RunShape(), seed, output);
        var stopAt = run.Schedule.Next(80, 140);
        var downFor = TimeSpan.FromSeconds(run.Schedule.Next(2, 5));

        var report = await run.RunAsync(async r =>
        {
            await r.AckedAtLeastAsync(stopAt);
            var fault = $"redis-server down for {downFor.TotalSeconds:0} s after {stopAt} acks";
            var stoppedAt = r.History.Now;
            r.BeginFault(fault);
            await redis.StopAsync();
            try
            {
                await r.FaultFeltAsync(stoppedAt, downFor);
            }
            finally
            {
                await redis.StartAgainAsync();
                r.EndFault(fault);
            }
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        (report.Measurements.TimedOut + report.Measurements.Failed).ShouldBeGreaterThan(0, "sends were retried while redis was down");
    }
}
