using System.Diagnostics;

namespace ChatDapr.SidecarBench;

/// <summary>
/// Sends at a fixed rate without waiting for replies (open loop): latency counts from the intended send time,
/// so a stall is not hidden.
/// </summary>
public static class OpenLoop
{
    /// <summary>Sends at <paramref name="rate"/>/s for <paramref name="seconds"/>; returns the count.</summary>
    public static async Task<int> RunAsync(int rate, int seconds, Func<long, Task> send)
    {
        var total = rate * seconds;
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var intended = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            pending.Add(send(intended));
        }
        await Task.WhenAll(pending);
        return total;
    }
}
