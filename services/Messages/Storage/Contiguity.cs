namespace ChatDapr.Messages.Storage;

public static class Contiguity
{
    // The highest seq reachable from mark through present seqs without a hole.
    public static long Advance(long mark, IEnumerable<long> present)
    {
        var seqs = present as IReadOnlySet<long> ?? present.ToHashSet();
        var reached = mark;
        while (seqs.Contains(reached + 1))
            reached++;
        return reached;
    }
}
