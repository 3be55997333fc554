using System.Globalization;

namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>E2E latency of live deliveries: first live copy per (client, room, seq), from the send's first attempt.</summary>
public sealed record Latency(TimeSpan? P50, TimeSpan? P99, int Samples)
{
    public static Latency Of(IReadOnlyList<HistoryEvent> events, Func<string, bool>? clients = null)
    {
        var firstAttempt = new Dictionary<(string Room, string Cmid), TimeSpan>();
        foreach (var s in events.OfType<SendInvoked>())
            firstAttempt.TryAdd((s.RoomId, s.ClientMessageId), s.At);
        var sorted = events.OfType<Received>()
            .Where(r => r.Source == ReceiptSource.Live && r.ClientMessageId is not null && (clients is null || clients(r.Client)))
            .DistinctBy(r => (r.Client, r.RoomId, r.Seq))
            .Where(r => firstAttempt.ContainsKey((r.RoomId, r.ClientMessageId!)))
            .Select(r => r.At - firstAttempt[(r.RoomId, r.ClientMessageId!)]).Order().ToList();
        return new(Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Count);
    }

    private static TimeSpan? Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public override string ToString()
    {
        static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a";
        return $"p50 {Ms(P50)}, p99 {Ms(P99)} over {Samples} deliveries";
    }
}
