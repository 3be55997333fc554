namespace ChatDapr.LocalDapr.PubSub;

/// <summary>Source-generated log messages of the pub/sub building block.</summary>
internal static partial class PubSubLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "subscribed to topic '{Topic}' on pubsub '{Pubsub}' as consumer group '{Group}' ({Type})")]
    public static partial void Subscribed(ILogger logger, string pubsub, string topic, string group, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "subscription to topic '{Topic}' on pubsub '{Pubsub}' ({Type}) ignored: that topic is already subscribed")]
    public static partial void DuplicateSubscription(ILogger logger, string pubsub, string topic, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "subscription to topic '{Topic}' ignored: pubsub '{Pubsub}' is not defined for this app")]
    public static partial void UnknownPubSub(ILogger logger, string pubsub, string topic);

    [LoggerMessage(Level = LogLevel.Critical, Message = "app '{AppId}' has a subscription the sidecar cannot serve, stopping: {Reason}")]
    public static partial void BadSubscription(ILogger logger, string appId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "delivered event {EventId} of {Pubsub}/{Topic} to /{Path}: {Answer} (broker attempt {Attempt}, try {Try})")]
    public static partial void Delivered(ILogger logger, string pubsub, string topic, string eventId, string path, string answer, int attempt, int @try);

    [LoggerMessage(Level = LogLevel.Debug, Message = "no route matches event {EventId} of {Pubsub}/{Topic}; dropped")]
    public static partial void NoRoute(ILogger logger, string pubsub, string topic, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event {EventId} of {Pubsub}/{Topic} expired; dropped")]
    public static partial void Expired(ILogger logger, string pubsub, string topic, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "message {BrokerId} of {Pubsub}/{Topic} is not a CloudEvent JSON object (publish it with rawPayload and subscribe with rawPayload)")]
    public static partial void NotACloudEvent(ILogger logger, string pubsub, string topic, string brokerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "message {BrokerId} of {Pubsub}/{Topic} sent to dead-letter topic '{DeadLetterTopic}'")]
    public static partial void DeadLettered(ILogger logger, string pubsub, string topic, string deadLetterTopic, string brokerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not publish a message of {Pubsub}/{Topic} to dead-letter topic '{DeadLetterTopic}', it stays in the broker: {Reason}")]
    public static partial void DeadLetterFailed(ILogger logger, string pubsub, string topic, string deadLetterTopic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "handling message {BrokerId} of topic '{Topic}' (group '{Group}') failed, it will be redelivered: {Reason}")]
    public static partial void HandlerFailed(ILogger logger, string topic, string group, string brokerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "redis unavailable for topic '{Topic}' (group '{Group}'), retrying: {Reason}")]
    public static partial void RedisUnavailable(ILogger logger, string topic, string group, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "redis is back for topic '{Topic}' (group '{Group}')")]
    public static partial void RedisResumed(ILogger logger, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "consumer group '{Group}' of stream '{Topic}' is missing (redis lost data or the key was deleted); recreating it")]
    public static partial void GroupMissing(ILogger logger, string topic, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "reclaiming pending entries of '{Topic}' (group '{Group}') failed: {Reason}")]
    public static partial void ReclaimFailed(ILogger logger, string topic, string group, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not acknowledge entry {BrokerId} of '{Topic}' (group '{Group}'); it will be delivered again: {Reason}")]
    public static partial void AckFailed(ILogger logger, string topic, string group, string brokerId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "publish to {Pubsub}/{Topic} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string pubsub, string topic, string reason);
}
