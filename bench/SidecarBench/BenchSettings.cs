namespace ChatDapr.SidecarBench;

public sealed record BenchSettings(int Ops, int Warmup, int Rate, int Seconds)
{
    public static BenchSettings Parse(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }
        return new BenchSettings(Arg("--ops", 20_000), Arg("--warmup", 3_000), Arg("--rate", 1_000), Arg("--seconds", 10));
    }
}
