using System.Diagnostics;

namespace ChatDapr.SidecarBench;

/// <summary>Process CPU time over a measured section. Client, sidecar and Redis client share this process,
/// so the difference between the sidecar path and the baseline path is the CPU the hop adds.</summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan _start;

    private CpuMeter(TimeSpan start) => _start = start;

    public static CpuMeter Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return new CpuMeter(Process.GetCurrentProcess().TotalProcessorTime);
    }

    public double MicrosPerOp(int ops) =>
        (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMicroseconds / ops;
}
