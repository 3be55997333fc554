namespace ChatDapr.ChatLoad.Measure;

/// <summary>CPU time of a set of processes at one moment; the difference of two is what a step cost each process.</summary>
public sealed class CpuSnapshot
{
    private readonly Dictionary<string, double> _micros;

    private CpuSnapshot(Dictionary<string, double> micros) => _micros = micros;

    public static CpuSnapshot Take(IEnumerable<MeasuredProcess> processes) =>
        new(processes.ToDictionary(p => p.Name, p => p.CpuMicros()));

    /// <summary>Microseconds of CPU per process since <paramref name="earlier"/>.</summary>
    public IReadOnlyDictionary<string, double> Since(CpuSnapshot earlier) =>
        _micros.ToDictionary(p => p.Key, p => p.Value - earlier._micros[p.Key]);
}
