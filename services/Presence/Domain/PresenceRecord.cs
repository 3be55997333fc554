using System.Text.Json.Serialization;

namespace ChatDapr.Presence.Domain;

public sealed record ConnectionRecord(
    string ConnectionId, string DeviceId, string GatewayInstanceId, DateTimeOffset ConnectedAt, DateTimeOffset LastHeartbeat);

// The persisted presence of one user (state key "presence").
// VisibleStatus/Version track what others see: Version grows with each visible change, PublishedVersion says which
// of those changes has been published, so a failed publish is retried on the next call or reminder (an outbox).
public sealed record PresenceRecord(
    string ChosenStatus,
    IReadOnlyList<ConnectionRecord> Connections,
    DateTimeOffset? LastSeen,
    string VisibleStatus,
    long Version,
    long PublishedVersion,
    bool ReminderRegistered)
{
    public const string StateKey = "presence";

    [JsonIgnore]
    public bool HasPendingEvent => Version != PublishedVersion;
}
