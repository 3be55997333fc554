using System.Globalization;
using HdrHistogram;

namespace ChatDapr.SidecarBench;

/// <summary>Collects rows and prints one markdown table (paste into docs/benchmarks.md).</summary>
public sealed class Report(BenchSettings settings)
{
    private readonly List<string[]> _rows = [];

    public void Add(string what, string path, HistogramBase latencyTicks, double cpuMicrosPerOp, string? note = null)
    {
        string Us(double percentile) =>
            (latencyTicks.GetValueAtPercentile(percentile) / (double)TimeSpanTicksPerMicro).ToString("0.0", CultureInfo.InvariantCulture);
        _rows.Add([what, path, latencyTicks.TotalCount.ToString(CultureInfo.InvariantCulture), Us(50), Us(99),
            cpuMicrosPerOp.ToString("0.0", CultureInfo.InvariantCulture), note ?? ""]);
    }

    public void AddRatio(string what, double ratio, double extraCpuMicros) =>
        _rows.Add([what, "sidecar ÷ baseline", "", "", "", "", $"p50 latency ×{ratio.ToString("0.00", CultureInfo.InvariantCulture)}; CPU added by the sidecar hop: {extraCpuMicros.ToString("0.0", CultureInfo.InvariantCulture)} µs/op"]);

    public const double TimeSpanTicksPerMicro = 10.0;

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; settings {settings}");
        Console.WriteLine();
        Console.WriteLine("| measurement | path | ops | p50 µs | p99 µs | CPU µs/op | note |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in _rows)
            Console.WriteLine("| " + string.Join(" | ", r) + " |");
    }
}
