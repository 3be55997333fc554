namespace ChatDapr.Messages.Storage;

// The seqs (AfterSeq, UpTo] of one room.
public readonly record struct SeqWindow(long AfterSeq, long UpTo)
{
    public long Count => Math.Max(0, UpTo - AfterSeq);

    public IEnumerable<long> Seqs()
    {
        for (var seq = AfterSeq + 1; seq <= UpTo; seq++)
            yield return seq;
    }

    // The page just below beforeSeq (or the latest page), never past lastSeq. Seqs are dense from 1, so older
    // messages exist exactly when the page does not start at seq 1.
    public static (SeqWindow Window, bool HasMore) ForHistory(long? beforeSeq, int limit, long lastSeq)
    {
        var upTo = Math.Max(0, beforeSeq is { } before ? Math.Min(before - 1, lastSeq) : lastSeq);
        var afterSeq = Math.Max(0, upTo - limit);
        return (new SeqWindow(afterSeq, upTo), afterSeq > 0);
    }

    // Up to limit messages after afterSeq; more remain while the window ends before lastSeq.
    public static (SeqWindow Window, bool HasMore) ForSync(long afterSeq, int limit, long lastSeq)
    {
        if (afterSeq >= lastSeq)
            return (new SeqWindow(afterSeq, afterSeq), false);
        var upTo = lastSeq - afterSeq <= limit ? lastSeq : afterSeq + limit;
        return (new SeqWindow(afterSeq, upTo), upTo < lastSeq);
    }
}
