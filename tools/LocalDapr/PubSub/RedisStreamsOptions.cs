using System.Globalization;
using ChatDapr.LocalDapr.Components;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The metadata of <c>pubsub.redis</c>, with daprd's defaults: redeliverInterval 15s (how often pending entries are
/// checked), processingTimeout 60s (how long an entry may stay unacknowledged before another consumer claims it;
/// 0 for either disables redelivery), queueDepth 100 (entries read per XREADGROUP), concurrency 10 (parallel
/// deliveries per subscription; only 1 keeps publish order), maxLenApprox unset (no trimming).
/// </summary>
internal sealed record RedisStreamsOptions(
    ConfigurationOptions Connection,
    TimeSpan RedeliverInterval,
    TimeSpan ProcessingTimeout,
    int QueueDepth,
    int Concurrency,
    long? MaxLenApprox)
{
    public static RedisStreamsOptions Parse(ComponentMetadata metadata)
    {
        var connection = new ConfigurationOptions
        {
            Password = metadata.Get("redisPassword") is { Length: > 0 } p ? p : null,
            User = metadata.Get("redisUsername") is { Length: > 0 } u ? u : null,
            DefaultDatabase = metadata.GetInt("redisDB", 0),
            Ssl = metadata.GetBool("enableTLS"),
            ClientName = "localdapr-pubsub",
            // Start even when Redis is down and reconnect in the background; readers retry until it is back.
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            // A publish while Redis is down must fail at once (the API answers Unavailable), not wait in a backlog.
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new ExponentialRetry(250, 2000),
        };
        connection.EndPoints.Add(metadata.Require("redisHost"));
        var maxLen = metadata.GetInt("maxLenApprox", 0);
        return new RedisStreamsOptions(
            connection,
            Duration(metadata, "redeliverInterval", TimeSpan.FromSeconds(15)),
            Duration(metadata, "processingTimeout", TimeSpan.FromSeconds(60)),
            Math.Max(1, metadata.GetInt("queueDepth", 100)),
            Math.Max(1, metadata.GetInt("concurrency", 10)),
            maxLen > 0 ? maxLen : null);
    }

    /// <summary>daprd accepts a bare integer as milliseconds, otherwise a duration such as 1s or 1m30s.</summary>
    public static TimeSpan Duration(ComponentMetadata metadata, string name, TimeSpan fallback) =>
        metadata.Get(name) is { Length: > 0 } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : metadata.GetDuration(name, fallback);
}
