using System.Globalization;

namespace ChatDapr.ChatLoad;

/// <param name="Sizes">Room sizes (members per room; 2 = 1:1 direct rooms).</param>
/// <param name="Users">Users connected per target; each scenario makes Users / size rooms (at least one).</param>
/// <param name="Rates">Offered deliveries per second to step through, ascending (sends/s = rate / room size). The step
/// search stops after two steps in a row with p99 above the limit, deliveries missing or sends failing.</param>
/// <param name="Seconds">Length of each measured step.</param>
/// <param name="WarmupSeconds">An unrecorded step at the first rate before each scenario (JIT, connection pools).</param>
/// <param name="IdleConnections">Idle connections opened for the memory figure (0 skips it).</param>
/// <param name="MaxConnections">Cap of the max-connections ramp after the scenarios (0 skips it).</param>
/// <param name="Plot">Where the latency-vs-load PNG is written (relative to the repository root).</param>
public sealed record LoadSettings(
    IReadOnlyList<int> Sizes, int Users, IReadOnlyList<int> Rates, int Seconds, int WarmupSeconds, int IdleConnections,
    string Plot, double P99LimitMs, int MaxConnections)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        IReadOnlyList<int> Ints(string name, int[] fallback) =>
            Arg(name) is { } v ? v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : fallback;
        return new LoadSettings(
            Ints("--sizes", [2, 10, 100]),
            Int("--users", 200),
            Ints("--rates", [50, 100, 200, 400, 800, 1600, 3200, 6400]).Order().ToArray(),
            Int("--seconds", 6),
            Int("--warmup-seconds", 8),
            Int("--idle", 1000),
            Arg("--plot") ?? "docs/chat-load.png",
            Int("--p99-limit-ms", 100),
            Int("--max-connections", 0));
    }
}
