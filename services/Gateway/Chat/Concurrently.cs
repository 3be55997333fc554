namespace ChatDapr.Gateway.Chat;

// Runs one async call per item with bounded parallelism and keeps the input order of the results.
public static class Concurrently
{
    public const int DefaultParallelism = 16;

    public static async Task<TResult[]> SelectAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call, CancellationToken cancellationToken,
        int parallelism = DefaultParallelism)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await call(items[i]));
        return results;
    }
}
