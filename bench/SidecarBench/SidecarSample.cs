namespace ChatDapr.SidecarBench;

/// <summary>
/// What the sidecar process had used up to one moment, read from /proc: CPU time, the part of it spent by the runtime's
/// background JIT thread, and context switches. Zero for an in-process sidecar, which has no process of its own.
/// </summary>
public readonly record struct SidecarSample(TimeSpan Cpu, TimeSpan JitCpu, long ContextSwitches)
{
    public static SidecarSample operator -(SidecarSample a, SidecarSample b) =>
        new(a.Cpu - b.Cpu, a.JitCpu - b.JitCpu, a.ContextSwitches - b.ContextSwitches);

    /// <summary>"per hop" figures for the report's note.</summary>
    public string PerHop(int hops) =>
        $"{Report.Format(ContextSwitches / (double)hops)} context switches per hop; background JIT {Report.Format(JitCpu.TotalMicroseconds / hops)} µs/hop of it";
}
