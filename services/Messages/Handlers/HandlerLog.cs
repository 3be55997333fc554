namespace ChatDapr.Messages.Handlers;

public static partial class HandlerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped malformed {Topic} event {EventId}")]
    public static partial void Malformed(ILogger logger, string topic, string? eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored {Topic} event {EventId}: version {Version} is not newer than the stored one")]
    public static partial void NotNewer(ILogger logger, string topic, string eventId, long version);
}
