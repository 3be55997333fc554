using System.Diagnostics;
using ChatDapr.Testing;
using Dapr.Client;
using HdrHistogram;
using StackExchange.Redis;

namespace ChatDapr.SidecarBench;

/// <summary>
/// Publish → delivery latency at a fixed offered rate (open loop: latency counts from the intended send time,
/// so a stall is not hidden). Sidecar path: DaprClient.PublishEvent → pubsub.redis → sidecar → app HTTP handler.
/// Baseline: XADD → XREADGROUP in a polling consumer, in the same process.
/// </summary>
public static class PubSubBench
{
    private const string Topic = "bench-topic";

    public sealed record Tick(long IntendedTimestamp);

    public static async Task RunAsync(BenchEnvironment env, BenchSettings settings, Report report)
    {
        var (sidecarHist, sidecarCpu) = await ViaSidecarAsync(env, settings);
        var (rawHist, rawCpu) = await RawStreamsAsync(env, settings);
        report.Add("publish → delivery", $"local sidecar, pubsub.redis, {settings.Rate}/s", sidecarHist, sidecarCpu);
        report.Add("XADD → XREADGROUP", $"raw Redis Streams (baseline), {settings.Rate}/s", rawHist, rawCpu);
        report.AddRatio("pub/sub delivery", sidecarHist.GetValueAtPercentile(50) / (double)Math.Max(1, rawHist.GetValueAtPercentile(50)),
            sidecarCpu - rawCpu);
    }

    private static async Task<(LongHistogram, double)> ViaSidecarAsync(BenchEnvironment env, BenchSettings settings)
    {
        var hist = new LongHistogram(TimeSpan.TicksPerMinute, 3);
        var received = 0;
        var appPort = Ports.Free();
        await using var app = await TestApp.StartAsync(appPort, b => b.Services.AddControllers().AddDapr(), a =>
        {
            a.UseCloudEvents();
            a.MapSubscribeHandler();
            a.MapPost("bench", (Tick t) =>
            {
                lock (hist)
                    hist.RecordValue(Math.Max(0, Stopwatch.GetElapsedTime(t.IntendedTimestamp).Ticks));
                Interlocked.Increment(ref received);
                return Results.Ok();
            }).WithTopic("pubsub", Topic);
        });
        var sidecar = await env.StartSidecarAsync("bench-sub", appPort);
        await sidecar.AppReady.WaitAsync(TimeSpan.FromSeconds(30));
        using var dapr = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).Build();

        // Warm up, then reset what was recorded.
        await OpenLoopAsync(settings.Rate, 1, ts => dapr.PublishEventAsync("pubsub", Topic, new Tick(ts)));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= settings.Rate, "warm-up messages arrive", TimeSpan.FromSeconds(60));
        lock (hist) hist.Reset();
        Interlocked.Exchange(ref received, 0);

        var cpu = CpuMeter.Start();
        var sent = await OpenLoopAsync(settings.Rate, settings.Seconds, ts => dapr.PublishEventAsync("pubsub", Topic, new Tick(ts)));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= sent, $"all {sent} messages arrive", TimeSpan.FromSeconds(120));
        return (hist, cpu.MicrosPerOp(sent));
    }

    private static async Task<(LongHistogram, double)> RawStreamsAsync(BenchEnvironment env, BenchSettings settings)
    {
        var db = env.Mux.GetDatabase();
        var stream = "raw-" + Guid.NewGuid().ToString("N");
        await db.StreamCreateConsumerGroupAsync(stream, "g", "0-0", createStream: true);
        var hist = new LongHistogram(TimeSpan.TicksPerMinute, 3);
        var received = 0;
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var entries = await db.StreamReadGroupAsync(stream, "g", "c1", ">", count: 100);
                if (entries.Length == 0)
                {
                    await Task.Delay(1);
                    continue;
                }
                foreach (var e in entries)
                {
                    var ts = (long)e["data"];
                    lock (hist) hist.RecordValue(Math.Max(0, Stopwatch.GetElapsedTime(ts).Ticks));
                }
                await db.StreamAcknowledgeAsync(stream, "g", entries.Select(e => e.Id).ToArray());
                Interlocked.Add(ref received, entries.Length);
            }
        });
        await OpenLoopAsync(settings.Rate, 1, ts => db.StreamAddAsync(stream, "data", ts));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= settings.Rate, "raw warm-up arrives", TimeSpan.FromSeconds(60));
        lock (hist) hist.Reset();
        Interlocked.Exchange(ref received, 0);

        var cpu = CpuMeter.Start();
        var sent = await OpenLoopAsync(settings.Rate, settings.Seconds, ts => db.StreamAddAsync(stream, "data", ts));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= sent, $"all {sent} raw messages arrive", TimeSpan.FromSeconds(120));
        var result = cpu.MicrosPerOp(sent);
        stop.Cancel();
        await consumer;
        return (hist, result);
    }

    /// <summary>Sends at <paramref name="rate"/>/s for <paramref name="seconds"/> without waiting for replies; returns the count.</summary>
    private static async Task<int> OpenLoopAsync(int rate, int seconds, Func<long, Task> send)
    {
        var total = rate * seconds;
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var intended = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            pending.Add(send(intended));
        }
        await Task.WhenAll(pending);
        return total;
    }
}
