namespace ChatDapr.Gateway.Fanout;

// Event ids this instance delivered lately. Delivery is at-least-once and a retried send re-publishes its event with
// the same id, so a repeat within this window is dropped instead of reaching clients twice. Older repeats still get
// through; clients de-duplicate by (roomId, seq), so that is harmless.
public sealed class RecentEvents
{
    public const int Capacity = 50_000;

    private readonly Lock gate = new();
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool Contains(string eventId)
    {
        lock (gate)
            return ids.Contains(eventId);
    }

    // Called after a successful delivery, so a failed one is retried rather than forgotten.
    public void Add(string eventId)
    {
        lock (gate)
        {
            if (!ids.Add(eventId))
                return;
            order.Enqueue(eventId);
            if (order.Count > Capacity)
                ids.Remove(order.Dequeue());
        }
    }
}
