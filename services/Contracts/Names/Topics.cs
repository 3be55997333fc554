namespace ChatDapr.Contracts.Names;

/// <summary>
/// Pub/sub topics on <see cref="DaprComponents.PubSub"/>, kebab-case past tense. Each topic carries exactly one
/// integration event type from <c>ChatDapr.Contracts.Events</c>, which names its topic in <c>Topic</c>.
/// </summary>
public static class Topics
{
    /// <summary>A message was posted to a room (<c>MessagePostedIntegrationEvent</c>).</summary>
    public const string MessagePosted = "message-posted";

    /// <summary>A message was edited (<c>MessageEditedIntegrationEvent</c>).</summary>
    public const string MessageEdited = "message-edited";

    /// <summary>A message was deleted (<c>MessageDeletedIntegrationEvent</c>).</summary>
    public const string MessageDeleted = "message-deleted";

    /// <summary>A user became a member of a room (<c>MemberJoinedIntegrationEvent</c>).</summary>
    public const string MemberJoined = "member-joined";

    /// <summary>A user left or was removed from a room (<c>MemberLeftIntegrationEvent</c>).</summary>
    public const string MemberLeft = "member-left";

    /// <summary>A room was created or its name, members or roles changed (<c>RoomUpdatedIntegrationEvent</c>).</summary>
    public const string RoomUpdated = "room-updated";

    /// <summary>A member's read marker moved (<c>ReadMarkerUpdatedIntegrationEvent</c>).</summary>
    public const string ReadMarkerUpdated = "read-marker-updated";

    /// <summary>A user's visible presence changed (<c>PresenceChangedIntegrationEvent</c>).</summary>
    public const string PresenceChanged = "presence-changed";

    /// <summary>A member started typing in a room (<c>TypingStartedIntegrationEvent</c>).</summary>
    public const string TypingStarted = "typing-started";
}
