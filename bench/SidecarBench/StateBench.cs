using System.Diagnostics;
using Dapr.Client;
using HdrHistogram;
using StackExchange.Redis;

namespace ChatDapr.SidecarBench;

/// <summary>SaveState+GetState of a 200-byte value: through the sidecar (gRPC) vs HSET+HGET straight to Redis.</summary>
public static class StateBench
{
    private sealed record Payload(string Id, string Text, long Seq);

    public static async Task RunAsync(BenchEnvironment env, BenchSettings settings, Report report)
    {
        var sidecar = await env.StartSidecarAsync("bench-state", appPort: null);
        using var dapr = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).Build();
        var db = env.Mux.GetDatabase();
        var value = new Payload("m-1", new string('x', 160), 1);
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);

        async Task ViaSidecar(int i)
        {
            var key = "k" + (i % 1000);
            await dapr.SaveStateAsync("statestore", key, value);
            _ = await dapr.GetStateAsync<Payload>("statestore", key);
        }

        async Task Direct(int i)
        {
            var key = "direct||k" + (i % 1000);
            await db.HashSetAsync(key, [new HashEntry("data", bytes), new HashEntry("version", i)]);
            _ = await db.HashGetAsync(key, "data");
        }

        var (sidecarHist, sidecarCpu) = await MeasureAsync(ViaSidecar, settings);
        var (directHist, directCpu) = await MeasureAsync(Direct, settings);
        report.Add("SaveState+GetState", "local sidecar (gRPC) → Redis", sidecarHist, sidecarCpu);
        report.Add("HSET+HGET", "StackExchange.Redis → Redis (baseline)", directHist, directCpu);
        // Two hops per op (save and get): the per-hop cost is half the difference.
        report.AddRatio("state round trip", sidecarHist.GetValueAtPercentile(50) / (double)directHist.GetValueAtPercentile(50),
            (sidecarCpu - directCpu) / 2);
    }

    private static async Task<(LongHistogram, double)> MeasureAsync(Func<int, Task> op, BenchSettings settings)
    {
        for (var i = 0; i < settings.Warmup; i++)
            await op(i);
        var hist = new LongHistogram(TimeSpan.TicksPerSecond * 10, 3);
        var cpu = CpuMeter.Start();
        for (var i = 0; i < settings.Ops; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await op(i);
            hist.RecordValue(Stopwatch.GetElapsedTime(start).Ticks);
        }
        return (hist, cpu.MicrosPerOp(settings.Ops));
    }
}
