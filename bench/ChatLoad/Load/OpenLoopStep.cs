using System.Diagnostics;
using ChatDapr.ChatLoad.Measure;
using ChatDapr.ChatLoad.Targets;

namespace ChatDapr.ChatLoad.Load;

// One step at a fixed offered rate, open loop: send i is due at start + i / rate and goes out then whether or not
// earlier sends were acknowledged, round-robin over the rooms and, within a room, over its members. The step ends once
// every delivery arrived, or nothing arrived for DrainQuiet, or DrainMax after the last send; later deliveries count as
// missing.
public static class OpenLoopStep
{
    private static readonly TimeSpan DrainQuiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainMax = TimeSpan.FromSeconds(20);
    public const string BenchProcess = "bench (load clients)";

    public static async Task<StepResult> RunAsync(
        ILoadTarget target, LatencyRecorder recorder, IReadOnlyList<LoadRoom> rooms, double offeredDeliveries, int seconds, int step,
        IReadOnlyDictionary<string, double> idleMicrosPerSecond)
    {
        var size = rooms[0].Members.Count;
        var sendsPerSecond = offeredDeliveries / size;
        var total = Math.Max(1, (int)Math.Round(sendsPerSecond * seconds));
        var processes = Measured(target);
        var window = recorder.Open(step);
        var before = CpuSnapshot.Take(processes);
        var start = Stopwatch.GetTimestamp();
        var acks = new Task[total];
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / sendsPerSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var room = rooms[i % rooms.Count];
            var sender = room.Members[i / rooms.Count % size];
            acks[i] = sender.SendAsync(room.RoomId, LatencyRecorder.LoadText(step, due));
        }
        var expected = (long)total * size;
        await DrainAsync(window, expected);
        recorder.Close();
        var cpu = CpuSnapshot.Take(processes).Since(before);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var errors = await CountFailuresAsync(acks);
        var elapsed = Math.Max(seconds, Stopwatch.GetElapsedTime(start, window.LastAt).TotalSeconds);
        return new StepResult(target.Name, size, rooms.Count, offeredDeliveries, total, errors, expected, window.Count,
            window.Count / elapsed, window.PercentileMs(50), window.PercentileMs(99), window.PercentileMs(99.9), window.MaxMs, cpu,
            wall, idleMicrosPerSecond);
    }

    /// <summary>The target's processes and this one (the load clients, for reference).</summary>
    public static IReadOnlyList<MeasuredProcess> Measured(ILoadTarget target) =>
        [.. target.Processes, new MeasuredProcess(BenchProcess, Environment.ProcessId)];

    /// <summary>CPU per second each process uses with no load running, over <paramref name="period"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> IdleCpuAsync(ILoadTarget target, TimeSpan period)
    {
        var before = CpuSnapshot.Take(Measured(target));
        await Task.Delay(period);
        return CpuSnapshot.Take(Measured(target)).Since(before).ToDictionary(p => p.Key, p => p.Value / period.TotalSeconds);
    }

    private static async Task DrainAsync(StepWindow window, long expected)
    {
        var end = Stopwatch.GetTimestamp() + (long)(DrainMax.TotalSeconds * Stopwatch.Frequency);
        var seen = window.Count;
        var seenAt = Stopwatch.GetTimestamp();
        while (window.Count < expected && Stopwatch.GetTimestamp() < end)
        {
            await Task.Delay(10);
            if (window.Count != seen)
                (seen, seenAt) = (window.Count, Stopwatch.GetTimestamp());
            else if (Stopwatch.GetElapsedTime(seenAt) > DrainQuiet)
                break;
        }
    }

    private static async Task<long> CountFailuresAsync(Task[] acks)
    {
        // An ack can still be in flight when the deliveries have drained: give stragglers a bounded time, then count them.
        await Task.WhenAny(Task.WhenAll(acks), Task.Delay(TimeSpan.FromSeconds(10)));
        return acks.LongCount(a => !a.IsCompletedSuccessfully);
    }
}
