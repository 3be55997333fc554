using System.Globalization;

namespace ChatDapr.ChatLoad.Measure;

/// <summary>A process whose CPU time and memory the bench reads from /proc.</summary>
public sealed record MeasuredProcess(string Name, int Pid)
{
    // /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for user space whatever the kernel's tick.
    private const double MicrosPerTick = 10_000;

    /// <summary>User + system CPU time so far, in microseconds (fields 14 and 15 of /proc/&lt;pid&gt;/stat).</summary>
    public double CpuMicros()
    {
        var fields = StatFields(Pid);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MicrosPerTick;
    }

    public bool IsRunning => File.Exists($"/proc/{Pid}/status");

    /// <summary>Resident set size in bytes (VmRSS of /proc/&lt;pid&gt;/status).</summary>
    public long RssBytes()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The fields after "(comm)", so field 3 (state) is index 0: comm may contain spaces and parentheses.</summary>
    public static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
