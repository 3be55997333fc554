namespace ChatDapr.ChatLoad.Measure;

/// <summary>The machine the figures belong to, and how busy it was (it is shared).</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim();
        var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
        var load = File.ReadAllText("/proc/loadavg").Trim();
        return $"machine: {Environment.ProcessorCount} cpu ({model}), {memory} RAM, .NET {Environment.Version}, " +
               $"load average {load} at {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC";
    }
}
