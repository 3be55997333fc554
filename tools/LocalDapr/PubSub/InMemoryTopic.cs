using System.Threading.Channels;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>A message as the in-memory broker keeps it.</summary>
internal sealed record InMemoryEntry(string Topic, long Sequence, ReadOnlyMemory<byte> Data, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One hand-out of an entry; <see cref="Attempt"/> counts broker deliveries.</summary>
internal readonly record struct InMemoryDelivery(InMemoryEntry Entry, int Attempt);

/// <summary>A topic: the retained tail of published messages and one queue per consumer group.</summary>
internal sealed class InMemoryTopic(string name, int maxLen)
{
    private readonly Lock _gate = new();
    private readonly Queue<InMemoryEntry> _retained = new();
    private readonly Dictionary<string, InMemoryGroup> _groups = new(StringComparer.Ordinal);
    private long _sequence;

    public void Publish(ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string> metadata)
    {
        lock (_gate)
        {
            var entry = new InMemoryEntry(name, ++_sequence, data, metadata);
            _retained.Enqueue(entry);
            if (_retained.Count > maxLen)
                _retained.Dequeue();
            foreach (var group in _groups.Values)
                group.Enqueue(new InMemoryDelivery(entry, 1));
        }
    }

    /// <summary>Forgets a group: later publishes no longer queue for it.</summary>
    public bool RemoveGroup(string consumerGroup)
    {
        lock (_gate)
            return _groups.Remove(consumerGroup);
    }

    /// <summary>Whether a group exists (for tests and diagnostics).</summary>
    public bool HasGroup(string consumerGroup)
    {
        lock (_gate)
            return _groups.ContainsKey(consumerGroup);
    }

    /// <summary>The group's queue, created (and seeded with the retained messages) on first use.</summary>
    public InMemoryGroup Group(string consumerGroup)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(consumerGroup, out var group))
            {
                group = new InMemoryGroup(name, consumerGroup, maxLen);
                foreach (var entry in _retained)
                    group.Enqueue(new InMemoryDelivery(entry, 1));
                _groups[consumerGroup] = group;
            }
            return group;
        }
    }
}

/// <summary>
/// The queue of one consumer group. All subscribers of the group read the same channel, so each delivery goes to
/// exactly one of them. Bounded: when full, the oldest waiting delivery is dropped.
/// </summary>
internal sealed class InMemoryGroup(string topic, string name, int capacity)
{
    private readonly Channel<InMemoryDelivery> _queue = Channel.CreateBounded<InMemoryDelivery>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = false });

    public string Topic { get; } = topic;
    public string Name { get; } = name;
    public ChannelReader<InMemoryDelivery> Reader => _queue.Reader;

    public void Enqueue(InMemoryDelivery delivery) => _queue.Writer.TryWrite(delivery);

    /// <summary>Puts a delivery back after <paramref name="delay"/>, for any subscriber of the group to take.</summary>
    public void EnqueueLater(InMemoryDelivery delivery, TimeSpan delay, CancellationToken brokerDisposed)
    {
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(delivery);
            return;
        }
        _ = Task.Delay(delay, brokerDisposed).ContinueWith(
            t => { if (!t.IsCanceled) Enqueue(delivery); },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
