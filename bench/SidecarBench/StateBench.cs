using System.Diagnostics;
using Dapr.Client;
using HdrHistogram;
using StackExchange.Redis;

namespace ChatDapr.SidecarBench;

/// <summary>
/// SaveState+GetState of a 200-byte value through the sidecar (gRPC) vs HSET+HGET straight to Redis. The sidecar is
/// measured twice: in this process (CPU of client + sidecar together, as before) and as its own process, whose CPU
/// alone is the sidecar's cost. Each op is two sidecar hops (save, get).
/// </summary>
public static class StateBench
{
    private const int HopsPerOp = 2;

    private sealed record Payload(string Id, string Text, long Seq);

    public static async Task RunAsync(BenchEnvironment env, BenchSettings settings, Report report)
    {
        var db = env.Mux.GetDatabase();
        var value = new Payload("m-1", new string('x', 160), 1);
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);

        Func<int, Task> ViaSidecar(DaprClient dapr) => async i =>
        {
            var key = "k" + (i % 1000);
            await dapr.SaveStateAsync("statestore", key, value);
            _ = await dapr.GetStateAsync<Payload>("statestore", key);
        };

        async Task Direct(int i)
        {
            var key = "direct||k" + (i % 1000);
            await db.HashSetAsync(key, [new HashEntry("data", bytes), new HashEntry("version", i)]);
            _ = await db.HashGetAsync(key, "data");
        }

        await using (var sidecar = await SidecarProcess.StartAsync(env.ResourcesPath, "bench-state-proc", appPort: null))
        using (var dapr = Client(sidecar.GrpcEndpoint, sidecar.HttpEndpoint))
        {
            var (hist, clientCpu, used) = await MeasureAsync(ViaSidecar(dapr), settings, sidecar);
            var ownCpu = used.Cpu.TotalMicroseconds / settings.Ops;
            report.Add("SaveState+GetState", "sidecar as its own process (gRPC) → Redis", hist, ownCpu,
                $"CPU of the sidecar process only (client process: {Report.Format(clientCpu)} µs/op)");
            report.AddHop("state", ownCpu / HopsPerOp, $"{HopsPerOp} hops per op (SaveState, GetState); {used.PerHop(settings.Ops * HopsPerOp)}");
        }
        if (settings.ProcessOnly)
            return;

        var inProcess = await env.StartSidecarAsync("bench-state", appPort: null);
        LongHistogram sidecarHist;
        double sidecarCpu;
        using (var dapr = Client(inProcess.GrpcEndpoint, inProcess.HttpEndpoint))
        {
            (sidecarHist, sidecarCpu) = await MeasureAsync(ViaSidecar(dapr), settings);
            report.Add("SaveState+GetState", "in-process sidecar (gRPC) → Redis", sidecarHist, sidecarCpu, "CPU of client + sidecar together");
        }

        var (directHist, directCpu) = await MeasureAsync(Direct, settings);
        report.Add("HSET+HGET", "StackExchange.Redis → Redis (baseline)", directHist, directCpu);
        // In-process figures against the baseline, as the bench always reported them: two hops per op.
        report.AddRatio("state round trip", sidecarHist.GetValueAtPercentile(50) / (double)directHist.GetValueAtPercentile(50),
            (sidecarCpu - directCpu) / HopsPerOp);
    }

    private static DaprClient Client(string grpc, string http) => new DaprClientBuilder().UseGrpcEndpoint(grpc).UseHttpEndpoint(http).Build();

    private static async Task<(LongHistogram, double)> MeasureAsync(Func<int, Task> op, BenchSettings settings)
    {
        var (hist, cpu, _) = await MeasureAsync(op, settings, sidecar: null);
        return (hist, cpu);
    }

    /// <summary>With a sidecar process, warm-up also lasts until its background JIT has settled (at most a minute more).</summary>
    private static async Task<(LongHistogram Hist, double ProcessCpu, SidecarSample SidecarUsed)> MeasureAsync(
        Func<int, Task> op, BenchSettings settings, SidecarProcess? sidecar)
    {
        var warmup = Stopwatch.StartNew();
        var warmed = 0;
        while (warmed < settings.Warmup || warmup.Elapsed.TotalSeconds < settings.WarmupSeconds
            || (sidecar?.JitSettled(BenchSettings.JitQuiet) == false && warmup.Elapsed < BenchSettings.MaxJitWait))
        {
            await RunOpsAsync(op, warmed, 500, settings.Concurrency, hist: null);
            warmed += 500;
        }
        var hist = new LongHistogram(TimeSpan.TicksPerSecond * 10, 3);
        var cpu = CpuMeter.Start();
        var before = sidecar?.Sample() ?? default;
        await RunOpsAsync(op, 0, settings.Ops, settings.Concurrency, hist);
        return (hist, cpu.MicrosPerOp(settings.Ops), (sidecar?.Sample() ?? default) - before);
    }

    /// <summary>Runs ops first..first+count with <paramref name="concurrency"/> workers, recording each op's latency.</summary>
    private static async Task RunOpsAsync(Func<int, Task> op, int first, int count, int concurrency, LongHistogram? hist)
    {
        var next = first - 1;
        var end = first + count;
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < end; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await op(i);
                if (hist is not null)
                    lock (gate)
                        hist.RecordValue(Stopwatch.GetElapsedTime(start).Ticks);
            }
        })));
    }
}
