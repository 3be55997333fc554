using System.Globalization;
using HdrHistogram;

namespace ChatDapr.SidecarBench;

/// <summary>Collects rows and prints one markdown table (paste into docs/benchmarks.md).</summary>
public sealed class Report(BenchSettings settings)
{
    private readonly List<string[]> _rows = [];

    public void Add(string what, string path, HistogramBase latencyTicks, double cpuMicrosPerOp, string? note = null)
    {
        string Us(double percentile) => Format(latencyTicks.GetValueAtPercentile(percentile) / TimeSpanTicksPerMicro);
        _rows.Add([what, path, latencyTicks.TotalCount.ToString(CultureInfo.InvariantCulture), Us(50), Us(99),
            Format(cpuMicrosPerOp), note ?? ""]);
    }

    /// <summary>The in-process figures against the baseline: latency ratio and whole-process CPU difference.</summary>
    public void AddRatio(string what, double ratio, double extraCpuMicros) =>
        _rows.Add([what, "in-process sidecar ÷ baseline", "", "", "", "", $"p50 latency ×{ratio.ToString("0.00", CultureInfo.InvariantCulture)}; whole-process CPU added per hop: {Format(extraCpuMicros)} µs"]);

    /// <summary>The figure the target is about: CPU of the sidecar process per hop.</summary>
    public void AddHop(string what, double sidecarMicrosPerHop, string how) =>
        _rows.Add([$"**{what}: sidecar CPU per hop**", "sidecar process ÷ hops", "", "", "", $"**{Format(sidecarMicrosPerHop)}**", how]);

    public const double TimeSpanTicksPerMicro = 10.0;

    public static string Format(double micros) => micros.ToString("0.0", CultureInfo.InvariantCulture);

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
