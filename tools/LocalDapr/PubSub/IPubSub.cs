namespace ChatDapr.LocalDapr.PubSub;

/// <summary>A message as carried by the broker: the CloudEvent JSON the publishing sidecar built.</summary>
public sealed record BrokerMessage(string Topic, ReadOnlyMemory<byte> CloudEvent, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Broker-specific id (stream entry id, sequence number), for logs and acks.</summary>
    public string BrokerId { get; init; } = "";
    /// <summary>How many times this message was handed out (1 on first delivery).</summary>
    public int Attempt { get; init; } = 1;
}

public enum DeliveryOutcome { Success, Retry, Drop }

/// <summary>
/// A pub/sub component. Delivery is at-least-once; subscribers with the same consumer group compete,
/// different groups each get every message. A handler returning <see cref="DeliveryOutcome.Retry"/> or throwing
/// leaves the message to be redelivered later; Success and Drop acknowledge it.
/// </summary>
public interface IPubSub : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Durable once the returned task completes.</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> cloudEvent, IReadOnlyDictionary<string, string> metadata, CancellationToken ct);

    /// <summary>Starts delivering <paramref name="topic"/> to <paramref name="handler"/> until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> SubscribeAsync(
        string topic,
        string consumerGroup,
        Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler,
        CancellationToken ct);

    /// <summary>
    /// Deletes a consumer group nobody will read again — one named after a stopped sidecar's <c>{uuid}</c> — with
    /// whatever it still holds: those messages were this sidecar's alone, so no other reader loses anything. Without
    /// it every restart of a broadcast subscriber leaves a group behind for good. Best effort.
    /// </summary>
    Task DeleteGroupAsync(string topic, string consumerGroup, CancellationToken ct);

    Task<bool> PingAsync(CancellationToken ct);
}
