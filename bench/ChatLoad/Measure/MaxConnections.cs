using System.Diagnostics;
using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Targets;

namespace ChatDapr.ChatLoad.Measure;

/// <summary>One batch of the ramp: connections held after it, how long its handshakes took, the host's RSS.</summary>
public sealed record ConnectionBatch(int Held, double P50Ms, double MaxMs, long RssBytes);

/// <summary>
/// How many idle connections the connection host accepts: batches of new connections (the run's users in turn, as
/// several devices each) until the cap or the first batch in which a handshake fails, holding them all. Handshake
/// times of each batch say whether the host still answers promptly at that count.
/// </summary>
public sealed record MaxConnectionsResult(string Target, int Cap, IReadOnlyList<ConnectionBatch> Batches, string? StoppedBy)
{
    private const int BatchSize = 1000;
    private const int Parallelism = 16;

    public int Held => Batches.Count == 0 ? 0 : Batches[^1].Held;

    public static async Task<MaxConnectionsResult> MeasureAsync(ILoadTarget target, int cap, int users)
    {
        var held = new List<LoadClient>();
        var batches = new List<ConnectionBatch>();
        string? stoppedBy = null;
        try
        {
            while (held.Count < cap && stoppedBy is null)
            {
                var size = Math.Min(BatchSize, cap - held.Count);
                var times = new double[size];
                var opened = new LoadClient?[size];
                var start = held.Count;
                await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                    async (i, _) =>
                    {
                        var clock = Stopwatch.StartNew();
                        try
                        {
                            opened[i] = await target.ConnectAsync((start + i) % users, recorder: null);
                        }
                        catch (Exception e)
                        {
                            Interlocked.CompareExchange(ref stoppedBy, $"{e.GetType().Name}: {e.Message}", null);
                        }
                        times[i] = clock.Elapsed.TotalMilliseconds;
                    });
                held.AddRange(opened.OfType<LoadClient>());
                if (!target.ConnectionHost.IsRunning)
                {
                    stoppedBy = $"the connection host exited; its last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, target.LastLog(25))}";
                    break;
                }
                Array.Sort(times);
                batches.Add(new ConnectionBatch(held.Count, times[times.Length / 2], times[^1], target.ConnectionHost.RssBytes()));
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {target.Name}: {held.Count} connections held, handshake p50 {times[times.Length / 2]:0} ms, max {times[^1]:0} ms, host RSS {batches[^1].RssBytes / 1048576.0:0} MiB, {Mappings(target.ConnectionHost.Pid)} memory mappings");
            }
        }
        finally
        {
            foreach (var client in held)
                await client.DisposeAsync();
        }
        return new MaxConnectionsResult(target.Name, cap, batches, stoppedBy);
    }

    // vm.max_map_count (65,530 by default) caps a process's mappings; the runtime reports "Out of memory" past it.
    private static int Mappings(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/maps").Count();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public string Render()
    {
        var lines = new List<string>
        {
            $"{Target}: {Held} connections held (cap {Cap}){(StoppedBy is null ? "" : $"; stopped by {StoppedBy}")}",
            "",
            "| connections held | handshake p50 ms | handshake max ms | host RSS (MiB) |",
            "| ---: | ---: | ---: | ---: |",
        };
        lines.AddRange(Batches.Select(b => $"| {b.Held} | {b.P50Ms:0} | {b.MaxMs:0} | {b.RssBytes / 1048576.0:0} |"));
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
