using System.Collections.Concurrent;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// <c>pubsub.in-memory</c>: a broker inside the process. The ComponentPool shares one instance among in-process
/// sidecars, so their apps talk to each other. Per topic, every consumer group has its own queue (each group gets
/// every message; subscribers of one group compete). Like Redis Streams with <c>XGROUP CREATE … 0</c>, a new group
/// starts with the messages the topic still retains, so a subscription that starts after a publish still sees it.
/// Memory is bounded: a topic retains, and a group queues, at most <c>maxLenApprox</c> messages (default 10,000);
/// beyond that the oldest are dropped. Nothing survives the process.
/// Metadata: <c>maxLenApprox</c>, <c>redeliverInterval</c> (first back-off before a redelivery, doubled per attempt
/// up to 30s; default 500ms), <c>concurrency</c> (parallel deliveries per subscriber; default 1, which keeps order).
/// </summary>
public sealed class InMemoryPubSub : IPubSub
{
    private readonly ConcurrentDictionary<string, InMemoryTopic> _topics = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private readonly int _maxLen;
    private readonly int _concurrency;
    private readonly TimeSpan _redeliverInterval;
    private readonly ILogger _logger;

    public InMemoryPubSub(ComponentDefinition definition, ComponentContext context)
    {
        Name = definition.Name;
        _maxLen = Math.Max(1, definition.Metadata.GetInt("maxLenApprox", 10_000));
        _concurrency = Math.Max(1, definition.Metadata.GetInt("concurrency", 1));
        _redeliverInterval = RedisStreamsOptions.Duration(definition.Metadata, "redeliverInterval", TimeSpan.FromMilliseconds(500));
        _logger = context.Loggers.CreateLogger<InMemoryPubSub>();
    }

    public string Name { get; }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> cloudEvent, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        // Copy: the caller's buffers may be reused once the publish returned.
        Topic(topic).Publish(cloudEvent.ToArray(), new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(
        string topic, string consumerGroup, Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var group = Topic(topic).Group(consumerGroup);
        IAsyncDisposable subscriber = new InMemorySubscriber(group, handler, _concurrency, _redeliverInterval, _logger, _disposed.Token);
        return Task.FromResult(subscriber);
    }

    public Task DeleteGroupAsync(string topic, string consumerGroup, CancellationToken ct)
    {
        if (_topics.TryGetValue(topic, out var t))
            t.RemoveGroup(consumerGroup);
        return Task.CompletedTask;
    }

    public Task<bool> PingAsync(CancellationToken ct) => Task.FromResult(!_disposed.IsCancellationRequested);

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        return ValueTask.CompletedTask;
    }

    private InMemoryTopic Topic(string name) => _topics.GetOrAdd(name, n => new InMemoryTopic(n, _maxLen));
}
