using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Presence.Domain;

// Pure presence transitions. Each returns the same instance when nothing changes, so callers skip needless saves.
public static class PresenceRules
{
    public static PresenceRecord Initial { get; } = new(
        PresenceStatuses.Online, [], LastSeen: null, PresenceStatuses.Offline, Version: 0, PublishedVersion: 0, ReminderRegistered: false);

    public static PresenceRecord Connect(PresenceRecord p, ConnectCommand command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.ConnectionId) || string.IsNullOrWhiteSpace(command.GatewayInstanceId))
            throw ChatError.Invalid("connectionId and gatewayInstanceId are required");
        var connection = new ConnectionRecord(command.ConnectionId, command.DeviceId ?? "", command.GatewayInstanceId, now, now);
        return p with { Connections = [.. p.Connections.Where(c => c.ConnectionId != command.ConnectionId), connection] };
    }

    public static PresenceRecord Disconnect(PresenceRecord p, string connectionId, DateTimeOffset now) =>
        p.Connections.Any(c => c.ConnectionId == connectionId)
            ? WithConnections(p, p.Connections.Where(c => c.ConnectionId != connectionId).ToList(), now)
            : p;

    // The gateway's list is authoritative for its own connections: unlisted ones are gone, unknown listed ones are
    // live (e.g. expired here while the gateway was paused) and come back.
    public static PresenceRecord Heartbeat(PresenceRecord p, HeartbeatCommand command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.GatewayInstanceId) || command.ConnectionIds is null)
            throw ChatError.Invalid("gatewayInstanceId and connectionIds are required");
        var listed = command.ConnectionIds.ToHashSet();
        var kept = p.Connections
            .Where(c => c.GatewayInstanceId != command.GatewayInstanceId || listed.Contains(c.ConnectionId))
            .Select(c => listed.Contains(c.ConnectionId) ? c with { LastHeartbeat = now, GatewayInstanceId = command.GatewayInstanceId } : c)
            .ToList();
        var known = kept.Select(c => c.ConnectionId).ToHashSet();
        kept.AddRange(listed.Where(id => !known.Contains(id))
            .Select(id => new ConnectionRecord(id, DeviceId: "", command.GatewayInstanceId, now, now)));
        return WithConnections(p, kept, now);
    }

    // A connection expires when not heartbeated within the timeout; the user was last seen at its last heartbeat.
    public static PresenceRecord Expire(PresenceRecord p, DateTimeOffset now, TimeSpan timeout)
    {
        var expired = p.Connections.Where(c => now - c.LastHeartbeat > timeout).ToList();
        if (expired.Count == 0)
            return p;
        var lastSeen = expired.Max(c => c.LastHeartbeat);
        return WithConnections(p, p.Connections.Except(expired).ToList(), lastSeen);
    }

    public static PresenceRecord SetStatus(PresenceRecord p, string? status)
    {
        if (!PresenceStatuses.IsSelectable(status))
            throw ChatError.Invalid("status must be online, away, busy or invisible");
        return status == p.ChosenStatus ? p : p with { ChosenStatus = status! };
    }

    // Invisible users and users without a live connection look offline to everyone else.
    public static string Visible(PresenceRecord p) =>
        p.Connections.Count == 0 || p.ChosenStatus == PresenceStatuses.Invisible ? PresenceStatuses.Offline : p.ChosenStatus;

    // Records a change of what others see as a new version to publish.
    public static PresenceRecord TrackVisible(PresenceRecord p)
    {
        var visible = Visible(p);
        return visible == p.VisibleStatus ? p : p with { VisibleStatus = visible, Version = p.Version + 1 };
    }

    private static PresenceRecord WithConnections(PresenceRecord p, List<ConnectionRecord> connections, DateTimeOffset lastSeenIfNone) =>
        p with
        {
            Connections = connections,
            LastSeen = connections.Count == 0 && p.Connections.Count > 0 ? lastSeenIfNone : p.LastSeen,
        };
}
