namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>
/// Checks a finished run (after every client's final Sync from 0) for the must-be-zero metrics of
/// docs/architecture.md's reliability checker. Pure: it reads only the history.
/// </summary>
public static class Checker
{
    public static CheckReport Check(History history) => Check(history.Events);

    public static CheckReport Check(IReadOnlyList<HistoryEvent> events)
    {
        var anomalies = new List<Anomaly>();
        var run = new RunIndex(events);
        anomalies.AddRange(Lost(run));
        anomalies.AddRange(DupPersisted(events));
        anomalies.AddRange(DupDisplayed(run));
        anomalies.AddRange(Reordered(events, run));
        anomalies.AddRange(GapsUnhealed(run));
        anomalies.AddRange(Unexpected(events, run));
        anomalies.AddRange(Leaked(events, run));
        anomalies.AddRange(Misauthorized(run));
        return new CheckReport(anomalies, Measurements.Of(events));
    }

    // An acked send must be in the final view of every client that is a member at the end, whenever it joined: a member
    // added later sees the room's history from its start (docs/api.md, GetHistory), and the final Sync is from 0.
    private static IEnumerable<Anomaly> Lost(RunIndex run)
    {
        var membersAtEnd = run.MemberViewsAtEnd.ToLookup(v => v.Room, v => v.Client);
        foreach (var ack in run.Acks)
        {
            foreach (var client in membersAtEnd[ack.RoomId])
            {
                var view = run.View(client, ack.RoomId);
                if (!view.TryGetValue(ack.Seq, out var shown) || shown != ack.MessageId)
                    yield return new(Anomaly.Lost, $"{ack.ClientMessageId} (seq {ack.Seq}, {ack.MessageId}) acked to {ack.Client} in {ack.RoomId} at {ack.At.TotalSeconds:0.000}s is missing from {client}'s final view" +
                        (shown is null ? "" : $" (seq {ack.Seq} shows {shown})"));
            }
        }
    }

    // Invariant 6 for readers: a removed member receives nothing first sent after its removal returned, live or by Sync,
    // until it is added back (then the whole history is theirs again).
    private static IEnumerable<Anomaly> Leaked(IReadOnlyList<HistoryEvent> events, RunIndex run)
    {
        foreach (var r in events.OfType<Received>())
        {
            if (r.ClientMessageId is { } cmid && run.FirstAttempt(r.RoomId, cmid) is { } sentAt && run.Membership.CertainlyOut(r.Client, r.RoomId, sentAt, r.At))
                yield return new(Anomaly.Leaked, $"{r.Client} received {r.MessageId} ({cmid}, seq {r.Seq}) in {r.RoomId} at {r.At.TotalSeconds:0.000}s, " +
                    $"first sent at {sentAt.TotalSeconds:0.000}s, while not a member");
        }
    }

    // Invariant 6 for senders: a send first tried while its sender was certainly not a member must not be acked, and a
    // certain member's send must not be refused as forbidden (a removed member's refused sends are expected).
    private static IEnumerable<Anomaly> Misauthorized(RunIndex run)
    {
        foreach (var ack in run.Acks)
        {
            if (run.FirstAttempt(ack.RoomId, ack.ClientMessageId) is { } sentAt && run.Membership.CertainlyOut(ack.Client, ack.RoomId, sentAt, ack.At))
                yield return new(Anomaly.Misauthorized, $"{ack.ClientMessageId} by {ack.Client}, not a member of {ack.RoomId} since before {sentAt.TotalSeconds:0.000}s, was acked as seq {ack.Seq}");
        }
        foreach (var (failed, invoked) in run.ForbiddenSends)
        {
            if (run.Membership.CertainlyIn(failed.Client, failed.RoomId, invoked, failed.At))
                yield return new(Anomaly.Misauthorized, $"{failed.ClientMessageId} by {failed.Client}, a member of {failed.RoomId}, was refused at {failed.At.TotalSeconds:0.000}s: {failed.Reason}");
        }
    }

    // Every copy of a message the server let out (acks, dropped acks, deliveries) must carry one seq per clientMessageId.
    private static IEnumerable<Anomaly> DupPersisted(IReadOnlyList<HistoryEvent> events)
    {
        var seqs = new Dictionary<(string Room, string Cmid), SortedSet<long>>();
        void Note(string room, string? cmid, long seq)
        {
            if (cmid is null)
                return;
            if (!seqs.TryGetValue((room, cmid), out var set))
                seqs[(room, cmid)] = set = [];
            set.Add(seq);
        }
        foreach (var e in events)
        {
            switch (e)
            {
                case SendAcked a: Note(a.RoomId, a.ClientMessageId, a.Seq); break;
                case AckDropped d: Note(d.RoomId, d.ClientMessageId, d.Seq); break;
                case Received r: Note(r.RoomId, r.ClientMessageId, r.Seq); break;
            }
        }
        foreach (var ((room, cmid), set) in seqs.Where(p => p.Value.Count > 1))
            yield return new(Anomaly.DupPersisted, $"{cmid} in {room} was persisted at seqs {string.Join(", ", set)}");
    }

    // De-duplication is by (roomId, seq); the same message (by id or clientMessageId) must not be on screen twice.
    private static IEnumerable<Anomaly> DupDisplayed(RunIndex run)
    {
        foreach (var ((client, room), shown) in run.DisplayedByView)
        {
            var seqs = new HashSet<long>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var cmids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in shown)
            {
                if (!seqs.Add(d.Seq) | !ids.Add(d.MessageId) | (d.ClientMessageId is { } c && !cmids.Add(c)))
                    yield return new(Anomaly.DupDisplayed, $"{client} shows {d.MessageId} ({d.ClientMessageId}, seq {d.Seq}) in {room} a second time at {d.At.TotalSeconds:0.000}s");
            }
        }
    }

    // Invariant 1 twice over: what a client shows, and what each connection receives live (first copies only, since
    // delivery is at-least-once), never go back in seq.
    private static IEnumerable<Anomaly> Reordered(IReadOnlyList<HistoryEvent> events, RunIndex run)
    {
        foreach (var ((client, room), shown) in run.DisplayedByView)
        {
            for (var i = 1; i < shown.Count; i++)
            {
                if (shown[i].Seq < shown[i - 1].Seq)
                    yield return new(Anomaly.Reordered, $"{client} shows seq {shown[i].Seq} after seq {shown[i - 1].Seq} in {room}");
            }
        }
        foreach (var stream in events.OfType<Received>().Where(r => r.Source == ReceiptSource.Live).GroupBy(r => (r.Connection, r.RoomId)))
        {
            var seen = new HashSet<long>();
            Received? previous = null;
            foreach (var r in stream.Where(r => seen.Add(r.Seq)))
            {
                if (previous is not null && r.Seq < previous.Seq)
                    yield return new(Anomaly.Reordered, $"connection {r.Connection} of {r.Client} received seq {r.Seq} after seq {previous.Seq} in {r.RoomId} at {r.At.TotalSeconds:0.000}s");
                previous = r;
            }
        }
    }

    // A member's final view must be 1..n without holes, n covering everything the client received and every acked send
    // of the room (its whole history, however late the client joined).
    private static IEnumerable<Anomaly> GapsUnhealed(RunIndex run)
    {
        foreach (var (client, room) in run.MemberViewsAtEnd)
        {
            var view = run.View(client, room);
            var top = new[] { view.Keys.DefaultIfEmpty(0).Max(), run.HighestReceived(client, room), run.HighestAcked(room) }.Max();
            var holes = Enumerable.Range(1, (int)top).Select(s => (long)s).Where(s => !view.ContainsKey(s)).ToList();
            if (holes.Count > 0)
                yield return new(Anomaly.GapsUnhealed, $"{client}'s final view of {room} lacks seqs {Ranges(holes)} of 1..{top}");
        }
    }

    private static IEnumerable<Anomaly> Unexpected(IReadOnlyList<HistoryEvent> events, RunIndex run)
    {
        foreach (var r in events.OfType<Received>())
        {
            if (r.ClientMessageId is null || run.FirstAttempt(r.RoomId, r.ClientMessageId) is null)
                yield return new(Anomaly.Unexpected, $"{r.Client} received {r.MessageId} (seq {r.Seq}) in {r.RoomId} that no client sent there");
            else if (run.AckedMessageId(r.RoomId, r.ClientMessageId) is { } acked && acked != r.MessageId)
                yield return new(Anomaly.Unexpected, $"{r.Client} received {r.MessageId} for {r.ClientMessageId} in {r.RoomId}, acked as {acked}");
        }
    }

    private static string Ranges(IReadOnlyList<long> seqs) =>
        seqs.Count <= 12 ? string.Join(", ", seqs) : $"{string.Join(", ", seqs.Take(12))} … ({seqs.Count} in all)";
}
