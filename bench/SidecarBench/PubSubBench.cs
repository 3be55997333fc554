using System.Diagnostics;
using ChatDapr.Testing;
using Dapr.Client;
using HdrHistogram;
using StackExchange.Redis;

namespace ChatDapr.SidecarBench;

/// <summary>
/// Publish → delivery latency at a fixed offered rate. Sidecar path: DaprClient.PublishEvent → pubsub.redis → sidecar
/// → app HTTP handler (Dapr.AspNetCore), with the sidecar in this process and then as its own process (whose CPU
/// alone is the sidecar's cost: the publish call and the delivery call, two hops per message). Baseline: XADD →
/// XREADGROUP in a polling consumer, in the same process. The in-process CPU also counts the app's HTTP server and
/// the publishing client, which the baseline does not have, so only the separate-process figure is the sidecar's.
/// </summary>
public static class PubSubBench
{
    private const int HopsPerMessage = 2;

    public sealed record Tick(long IntendedTimestamp);

    /// <param name="Process">The sidecar's own process, or null when it runs in this one.</param>
    private sealed record Sidecar(string GrpcEndpoint, string HttpEndpoint, SidecarProcess? Process);

    public static async Task RunAsync(BenchEnvironment env, BenchSettings settings, Report report)
    {
        var (procHist, clientCpu, used, sent) = await ViaSidecarAsync(settings, "bench-topic-proc", async appPort =>
        {
            var process = await SidecarProcess.StartAsync(env.ResourcesPath, "bench-sub-proc", appPort);
            return (new Sidecar(process.GrpcEndpoint, process.HttpEndpoint, process), process);
        });
        var ownCpu = used.Cpu.TotalMicroseconds / sent;
        report.Add("publish → delivery", $"sidecar as its own process, pubsub.redis, {settings.Rate}/s", procHist, ownCpu,
            $"CPU of the sidecar process only (publisher + app process: {Report.Format(clientCpu)} µs/msg)");
        report.AddHop("pub/sub", ownCpu / HopsPerMessage, $"{HopsPerMessage} hops per message (publish call, delivery call); {used.PerHop(sent * HopsPerMessage)}");
        if (settings.ProcessOnly)
            return;

        var (sidecarHist, sidecarCpu, _, _) = await ViaSidecarAsync(settings, "bench-topic", async appPort =>
        {
            var host = await env.StartSidecarAsync("bench-sub", appPort);
            await host.AppReady.WaitAsync(TimeSpan.FromSeconds(30));
            return (new Sidecar(host.GrpcEndpoint, host.HttpEndpoint, null), null);
        });
        report.Add("publish → delivery", $"in-process sidecar, pubsub.redis, {settings.Rate}/s", sidecarHist, sidecarCpu,
            "CPU of publisher + sidecar + app together");

        var (rawHist, rawCpu) = await RawStreamsAsync(env, settings);
        report.Add("XADD → XREADGROUP", $"raw Redis Streams (baseline), {settings.Rate}/s", rawHist, rawCpu);
        report.AddRatio("pub/sub delivery", sidecarHist.GetValueAtPercentile(50) / (double)Math.Max(1, rawHist.GetValueAtPercentile(50)),
            (sidecarCpu - rawCpu) / HopsPerMessage);
    }

    private static async Task<(LongHistogram Hist, double ProcessCpu, SidecarSample SidecarUsed, int Sent)> ViaSidecarAsync(
        BenchSettings settings, string topic, Func<int, Task<(Sidecar, IAsyncDisposable?)>> startSidecar)
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
            }).WithTopic("pubsub", topic);
        });
        var (sidecar, owned) = await startSidecar(appPort);
        try
        {
            using var dapr = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).Build();

            // Warm up (with a sidecar process, also until its background JIT has settled, at most a minute more), then
            // reset what was recorded.
            var warmup = Stopwatch.StartNew();
            var warm = await OpenLoop.RunAsync(settings.Rate, Math.Max(1, settings.WarmupSeconds), ts => dapr.PublishEventAsync("pubsub", topic, new Tick(ts)));
            while (sidecar.Process?.JitSettled(BenchSettings.JitQuiet) == false && warmup.Elapsed < BenchSettings.MaxJitWait)
                warm += await OpenLoop.RunAsync(settings.Rate, 1, ts => dapr.PublishEventAsync("pubsub", topic, new Tick(ts)));
            await Poll.UntilAsync(() => Volatile.Read(ref received) >= warm, "warm-up messages arrive", TimeSpan.FromSeconds(120));
            lock (hist) hist.Reset();
            Interlocked.Exchange(ref received, 0);

            var cpu = CpuMeter.Start();
            var before = sidecar.Process?.Sample() ?? default;
            var sent = await OpenLoop.RunAsync(settings.Rate, settings.Seconds, ts => dapr.PublishEventAsync("pubsub", topic, new Tick(ts)));
            await Poll.UntilAsync(() => Volatile.Read(ref received) >= sent, $"all {sent} messages arrive", TimeSpan.FromSeconds(120));
            return (hist, cpu.MicrosPerOp(sent), (sidecar.Process?.Sample() ?? default) - before, sent);
        }
        finally
        {
            if (owned is not null)
                await owned.DisposeAsync();
        }
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
        var warm = await OpenLoop.RunAsync(settings.Rate, Math.Max(1, settings.WarmupSeconds), ts => db.StreamAddAsync(stream, "data", ts));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= warm, "raw warm-up arrives", TimeSpan.FromSeconds(120));
        lock (hist) hist.Reset();
        Interlocked.Exchange(ref received, 0);

        var cpu = CpuMeter.Start();
        var sent = await OpenLoop.RunAsync(settings.Rate, settings.Seconds, ts => db.StreamAddAsync(stream, "data", ts));
        await Poll.UntilAsync(() => Volatile.Read(ref received) >= sent, $"all {sent} raw messages arrive", TimeSpan.FromSeconds(120));
        var result = cpu.MicrosPerOp(sent);
        stop.Cancel();
        await consumer;
        return (hist, result);
    }
}
