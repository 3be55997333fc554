using System.Globalization;
using System.Text;

namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>The reported (not asserted) figures of a run: sends, recovery after each fault, latency, resyncs.</summary>
public sealed record Measurements(
    int Attempts, int Acked, int Failed, int TimedOut, int AcksDropped, int NeverAcked,
    IReadOnlyList<(string Fault, TimeSpan? Recovered)> TimeToRecover,
    TimeSpan? LatencyP50, TimeSpan? LatencyP99, int LatencySamples,
    IReadOnlyList<(ResyncReason Reason, int Rounds, int Messages, int Largest)> Resyncs,
    int Reconnects, TimeSpan? LongestReconnect, int ShownOnlyByFinalSync)
{
    public static Measurements Of(IReadOnlyList<HistoryEvent> events)
    {
        var firstAttempt = events.OfType<SendInvoked>().GroupBy(s => (s.RoomId, s.ClientMessageId)).ToDictionary(g => g.Key, g => g.First().At);
        var acked = events.OfType<SendAcked>().Select(a => (a.RoomId, a.ClientMessageId)).ToHashSet();
        var latency = Latency.Of(events);
        var reconnectStarts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var reconnects = new List<TimeSpan>();
        foreach (var e in events)
        {
            if (e is ReconnectStarted s)
                reconnectStarts.TryAdd(s.Client, s.At);
            else if (e is ReconnectEnded end && reconnectStarts.Remove(end.Client, out var start))
                reconnects.Add(end.At - start);
        }
        return new Measurements(
            events.OfType<SendInvoked>().Count(), acked.Count, events.OfType<SendFailed>().Count(), events.OfType<SendTimedOut>().Count(),
            events.OfType<AckDropped>().Count(), firstAttempt.Keys.Count(k => !acked.Contains(k)),
            Recovery(events), latency.P50, latency.P99, latency.Samples,
            [.. events.OfType<Resynced>().GroupBy(r => r.Reason).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(r => r.Messages), g.Max(r => r.Messages)))],
            reconnects.Count, reconnects.Count == 0 ? null : reconnects.Max(), CountShownAfterFinalSync(events));
    }

    private static int CountShownAfterFinalSync(IReadOnlyList<HistoryEvent> events)
    {
        var started = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var e in events)
        {
            if (e is FinalSyncStarted f)
                started.Add(f.Client);
            else if (e is Displayed d && started.Contains(d.Client))
                count++;
        }
        return count;
    }

    // After a fault ends, until every client that sends afterwards has had a send acked again.
    private static List<(string, TimeSpan?)> Recovery(IReadOnlyList<HistoryEvent> events) =>
        [.. events.OfType<FaultEnded>().Select(f =>
        {
            var senders = events.OfType<SendInvoked>().Where(s => s.At >= f.At).Select(s => s.Client).Distinct().ToList();
            var firstAcks = senders.Select(c => events.OfType<SendAcked>().FirstOrDefault(a => a.Client == c && a.At >= f.At)).ToList();
            return (f.Client, firstAcks.Count == 0 || firstAcks.Any(a => a is null) ? (TimeSpan?)null : firstAcks.Max(a => a!.At) - f.At);
        })];

    public override string ToString()
    {
        static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"sends: {Attempts} attempts, {Acked} acked, {Failed} failed, {TimedOut} timed out, {AcksDropped} acks dropped on purpose, {NeverAcked} never acked")
            .AppendLine(CultureInfo.InvariantCulture, $"e2e latency (live, first copy): p50 {Ms(LatencyP50)}, p99 {Ms(LatencyP99)} over {LatencySamples} deliveries")
            .AppendLine(CultureInfo.InvariantCulture, $"reconnects: {Reconnects}, longest {Ms(LongestReconnect)}")
            .AppendLine(CultureInfo.InvariantCulture, $"shown only after the final Sync (not recovered by the client's own reconnect/gap Sync): {ShownOnlyByFinalSync}");
        foreach (var (fault, recovered) in TimeToRecover)
            text.AppendLine(CultureInfo.InvariantCulture, $"time_to_recover after {fault}: {(recovered is null ? "not within the run" : Ms(recovered))}");
        foreach (var (reason, rounds, messages, largest) in Resyncs)
            text.AppendLine(CultureInfo.InvariantCulture, $"resync ({reason}): {rounds} rounds, {messages} messages, largest {largest}");
        return text.ToString();
    }
}
