using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// <c>pubsub.redis</c> on Redis Streams with daprd's layout, so real daprd sidecars and this one interoperate:
/// publish is <c>XADD &lt;topic&gt; [MAXLEN ~ n] * data &lt;cloudevent&gt; [metadata &lt;json&gt;]</c>, a subscription is
/// <c>XGROUP CREATE &lt;topic&gt; &lt;consumerGroup&gt; 0 MKSTREAM</c> plus <c>XREADGROUP … &gt;</c>, success is
/// <c>XACK</c>, and entries left unacknowledged longer than processingTimeout are claimed again (XAUTOCLAIM).
/// Each subscriber is its own consumer in the group. StackExchange.Redis cannot block on XREADGROUP, so readers
/// poll (5 ms to 100 ms, adaptive); a publish from this sidecar also rings a Pub/Sub "doorbell" channel
/// (<c>localdapr:xadd:&lt;topic&gt;</c>) that wakes readers at once. Entries written by other publishers are still
/// found by polling.
/// </summary>
public sealed class RedisStreamsPubSub : IPubSub
{
    private readonly RedisStreamsOptions _options;
    private readonly ConnectionMultiplexer _redis;
    private readonly ILogger _logger;

    public RedisStreamsPubSub(ComponentDefinition definition, ComponentContext context)
    {
        Name = definition.Name;
        _options = RedisStreamsOptions.Parse(definition.Metadata);
        _logger = context.Loggers.CreateLogger<RedisStreamsPubSub>();
        _redis = ConnectionMultiplexer.Connect(_options.Connection);
    }

    public string Name { get; }

    public static RedisChannel Doorbell(string topic) => RedisChannel.Literal("localdapr:xadd:" + topic);

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> cloudEvent, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        NameValueEntry[] fields = metadata.Count == 0
            ? [new("data", cloudEvent)]
            : [new("data", cloudEvent), new("metadata", JsonSerializer.Serialize(metadata))];
        try
        {
            await _redis.GetDatabase().StreamAddAsync(topic, fields, maxLength: _options.MaxLenApprox, useApproximateMaxLength: true).WaitAsync(ct);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new PubSubUnavailableException(Name, e);
        }
        await _redis.GetSubscriber().PublishAsync(Doorbell(topic), RedisValue.EmptyString, CommandFlags.FireAndForget);
    }

    /// <summary>Failures a retry can cure: no connection, a timeout, or a server that is still loading or failing over.</summary>
    private static bool IsUnavailable(Exception e) => e switch
    {
        RedisConnectionException or TimeoutException => true,
        RedisServerException s => s.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || s.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || s.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || s.Message.StartsWith("READONLY", StringComparison.Ordinal),
        _ => false,
    };

    public async Task<IAsyncDisposable> SubscribeAsync(
        string topic, string consumerGroup, Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken ct)
    {
        var reader = new RedisStreamReader(_redis, _options, topic, consumerGroup, handler, _logger);
        await reader.StartAsync(ct);
        return reader;
    }

    public async Task DeleteGroupAsync(string topic, string consumerGroup, CancellationToken ct)
    {
        try
        {
            await _redis.GetDatabase().StreamDeleteConsumerGroupAsync(topic, consumerGroup).WaitAsync(ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or OperationCanceledException)
        {
            // Best effort: with Redis down the group stays, as it would have without this.
        }
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await _redis.GetDatabase().PingAsync().WaitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
