using System.Collections.Concurrent;

namespace ChatDapr.Testing.Chat;

// Everything a client received of one hub event, in arrival order.
public sealed class EventLog<T>
{
    private readonly ConcurrentQueue<T> items = new();

    public IReadOnlyList<T> Items => [.. items];

    public void Add(T item) => items.Enqueue(item);

    public async Task<T> WaitForAsync(Func<T, bool> match, string because, TimeSpan? timeout = null)
    {
        T? found = default;
        await Poll.UntilAsync(() =>
        {
            foreach (var item in items)
            {
                if (match(item))
                {
                    found = item;
                    return true;
                }
            }
            return false;
        }, because, timeout);
        return found!;
    }
}
