namespace ChatDapr.SidecarBench;

/// <param name="WarmupSeconds">Warm-up also lasts at least this long: the JIT recompiles hot code in the background for
/// several seconds (tiered compilation), and that one-time cost must not be counted as the steady per-hop cost.</param>
/// <param name="ProcessOnly">Measure only the sidecar as its own process (the figure the target is about): skips the
/// in-process sidecar and the bare-store baselines, for quick before/after comparisons.</param>
/// <param name="Concurrency">State ops in flight at once (each worker runs its ops one after another). 1 measures a
/// lone request, whose every thread hand-off wakes a sleeping thread; a busy service has several in flight.</param>
public sealed record BenchSettings(int Ops, int Warmup, int Rate, int Seconds, int WarmupSeconds, bool ProcessOnly = false, int Concurrency = 1)
{
    /// <summary>The sidecar's background JIT counts as settled after this long without CPU.</summary>
    public static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(2);

    /// <summary>Warm-up waits for the JIT to settle at most this long.</summary>
    public static readonly TimeSpan MaxJitWait = TimeSpan.FromSeconds(70);

    public static BenchSettings Parse(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }
        return new BenchSettings(Arg("--ops", 20_000), Arg("--warmup", 3_000), Arg("--rate", 1_000), Arg("--seconds", 10), Arg("--warmup-seconds", 10),
            args.Contains("--process-only"), Math.Max(1, Arg("--concurrency", 1)));
    }
}
