using System.Diagnostics;

namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>
/// The record of a run: every client operation and fault, in the order they were recorded, from any thread.
/// Hand-built histories (checker unit tests) add events with explicit times.
/// </summary>
public sealed class History
{
    private readonly List<HistoryEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<HistoryEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    public History Add(HistoryEvent e)
    {
        lock (_gate)
            _events.Add(e);
        return this;
    }

    /// <summary>The text a run sends: the clientMessageId is readable from any copy of the message.</summary>
    public static string TextOf(string clientMessageId) => Prefix + clientMessageId;

    public static string? ClientMessageIdOf(string text) =>
        text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : null;

    private const string Prefix = "rel:";
}
