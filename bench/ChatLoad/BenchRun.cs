using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;
using ChatDapr.ChatLoad.Reporting;
using ChatDapr.ChatLoad.Targets;
using ChatDapr.Testing;

namespace ChatDapr.ChatLoad;

// The run: both targets up side by side, the same users and rooms on each, scenarios interleaved per room size so a
// change in the shared machine's load hits both targets alike.
public static class BenchRun
{
    private static readonly TimeSpan IdlePeriod = TimeSpan.FromSeconds(3);

    // A p99 from fewer sends than this says little (a 100-member room at 50 deliveries/s sends 2–3 messages a step).
    private const int MinSendsPerStep = 20;

    // The machine is shared: one scheduling stall of 100 ms fails a step at any rate, so a failed step is run a second
    // time, and the step search ends only after two rates in a row failed (the limit is the highest step that passed).
    private const int FailuresToStop = 2;

    public static async Task RunAsync(LoadSettings settings)
    {
        var users = Math.Max(settings.Users, settings.Sizes.Max());
        Console.WriteLine(Machine.Describe());
        await using var baseline = new TargetRun(await BaselineTarget.StartAsync());
        await using var chat = new TargetRun(await ChatDaprTarget.StartAsync());
        TargetRun[] runs = [chat, baseline];
        foreach (var run in runs)
        {
            Progress($"{run.Target.Name}: connecting {users} users");
            await run.ConnectUsersAsync(users);
        }
        var results = new List<StepResult>();
        var step = 0;
        foreach (var size in settings.Sizes)
        {
            foreach (var run in runs)
            {
                var rooms = await RoomSetup.CreateAsync(run.Target, run.Users, size, run.Recorder);
                Progress($"{run.Target.Name}: {rooms.Count} rooms of {size}; warm-up");
                var none = new Dictionary<string, double>();
                // The first scenario also pays for the JIT's tiering of every process, so it warms up three times as long.
                var warmup = size == settings.Sizes[0] ? 3 * settings.WarmupSeconds : settings.WarmupSeconds;
                await OpenLoopStep.RunAsync(run.Target, run.Recorder, rooms, settings.Rates[0], warmup, ++step, none);
                await run.WaitForQuietAsync(TimeSpan.FromSeconds(60));
                var idle = await OpenLoopStep.IdleCpuAsync(run.Target, IdlePeriod);
                Progress($"{run.Target.Name}: idle CPU ms/s: {string.Join(", ", idle.Select(p => $"{p.Key} {p.Value / 1000:0.0}"))}");
                var failedInARow = 0;
                foreach (var rate in settings.Rates.Where(r => r * settings.Seconds >= MinSendsPerStep * size))
                {
                    var result = await OpenLoopStep.RunAsync(run.Target, run.Recorder, rooms, rate, settings.Seconds, ++step, idle);
                    Progress(StepLine(result));
                    if (!result.Passed(settings.P99LimitMs))
                    {
                        // Once more after the backlog drained; the second attempt stands, marked as such in the report.
                        await run.WaitForQuietAsync(TimeSpan.FromSeconds(120));
                        result = await OpenLoopStep.RunAsync(run.Target, run.Recorder, rooms, rate, settings.Seconds, ++step, idle) with { Attempt = 2 };
                        Progress(StepLine(result));
                    }
                    results.Add(result);
                    failedInARow = result.Passed(settings.P99LimitMs) ? 0 : failedInARow + 1;
                    if (failedInARow == FailuresToStop)
                        break;
                    if (failedInARow > 0)
                        await run.WaitForQuietAsync(TimeSpan.FromSeconds(120));
                }
                await run.WaitForQuietAsync(TimeSpan.FromSeconds(120));
            }
        }
        var memory = new List<IdleMemoryResult>();
        if (settings.IdleConnections > 0)
        {
            foreach (var run in runs)
            {
                Progress($"{run.Target.Name}: {settings.IdleConnections} idle connections");
                memory.Add(await IdleMemoryResult.MeasureAsync(run.Target, settings.IdleConnections, users));
            }
        }
        var capacity = new List<MaxConnectionsResult>();
        if (settings.MaxConnections > 0)
        {
            foreach (var run in runs)
            {
                Progress($"{run.Target.Name}: ramping to {settings.MaxConnections} idle connections");
                capacity.Add(await MaxConnectionsResult.MeasureAsync(run.Target, settings.MaxConnections, users));
            }
        }
        var plot = Path.Combine(RepoPaths.RepoRoot, settings.Plot);
        LatencyPlot.Write(plot, results, settings);
        Console.WriteLine(Machine.Describe());
        Console.WriteLine(new Report(settings, results, memory).Render());
        foreach (var result in capacity)
            Console.WriteLine(result.Render());
        Console.WriteLine($"plot: {plot}");
    }

    private static string StepLine(StepResult r) =>
        $"{r.Target}: size {r.RoomSize}, offered {r.OfferedDeliveries:0}/s -> delivered {r.DeliveredPerSecond:0}/s " +
        $"({r.DeliveredShare:P1}, {r.SendErrors} send errors{(r.Attempt > 1 ? ", second attempt" : "")}), p50 {r.P50Ms:0.0} ms, p99 {r.P99Ms:0.0} ms, p99.9 {r.P999Ms:0.0} ms";

    private static void Progress(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
