using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.ChatLoad.Load;

// Every MessageReceived of every client lands here. Load messages carry "L|<step>|<intended send timestamp>": the
// latency of a delivery is its receive time minus the time the send was scheduled for (not when it went out), so a
// sender falling behind shows up as latency. Probes ("P|<nonce>") only count, to tell when a room is fully joined.
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, int> _probes = new(StringComparer.Ordinal);
    private volatile StepWindow? _window;
    private long _total;

    /// <summary>All load deliveries ever received, to tell when a backlog has drained.</summary>
    public long Total => Interlocked.Read(ref _total);

    public static string LoadText(int step, long intendedTimestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"L|{step}|{intendedTimestamp}");

    public static string ProbeText(string nonce) => "P|" + nonce;

    public StepWindow Open(int step) => _window = new StepWindow(step);

    public void Close() => _window = null;

    public int ProbeCount(string nonce) => _probes.GetValueOrDefault(nonce);

    public void Record(Message message)
    {
        var now = Stopwatch.GetTimestamp();
        var text = message.Text.AsSpan();
        if (text.StartsWith("P|"))
        {
            _probes.AddOrUpdate(message.Text[2..], 1, (_, n) => n + 1);
            return;
        }
        if (!text.StartsWith("L|"))
            return;
        Interlocked.Increment(ref _total);
        text = text[2..];
        var bar = text.IndexOf('|');
        var step = int.Parse(text[..bar], CultureInfo.InvariantCulture);
        var intended = long.Parse(text[(bar + 1)..], CultureInfo.InvariantCulture);
        if (_window is { } window && window.Step == step)
            window.Add(Stopwatch.GetElapsedTime(intended, now), now);
    }
}
