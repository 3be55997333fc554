using ChatDapr.Contracts.Names;

namespace ChatDapr.Contracts.Events;

/// <summary>A member's read marker in a room moved forward.</summary>
/// <param name="EventId">"{roomId}/read/{userId}/{Seq}": markers only move forward, so each seq is reached once.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The reader.</param>
/// <param name="Seq">The new read marker.</param>
public sealed record ReadMarkerUpdatedIntegrationEvent(string EventId, string RoomId, string UserId, long Seq)
    : IIntegrationEvent<ReadMarkerUpdatedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.ReadMarkerUpdated;
}

/// <summary>A member started typing; ephemeral, consumers may drop it.</summary>
/// <param name="EventId">Unique per typing notification.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">Who is typing.</param>
public sealed record TypingStartedIntegrationEvent(string EventId, string RoomId, string UserId)
    : IIntegrationEvent<TypingStartedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.TypingStarted;
}

/// <summary>
/// A user's presence as others see it changed (e.g. offline → online, online → away). Published only on visible
/// changes: switching between offline and invisible publishes nothing.
/// </summary>
/// <param name="EventId">"{userId}/presence/{Version}".</param>
/// <param name="UserId">The user.</param>
/// <param name="Status">online, away, busy or offline.</param>
/// <param name="LastSeen">When the user's last connection ended; null if never.</param>
/// <param name="Version">Increases with every visible change; consumers ignore older versions.</param>
public sealed record PresenceChangedIntegrationEvent(
    string EventId, string UserId, string Status, DateTimeOffset? LastSeen, long Version)
    : IIntegrationEvent<PresenceChangedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.PresenceChanged;
}
