using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Contracts.Events;

/// <summary>A user became a member of a room (added by an admin/owner).</summary>
/// <param name="EventId">Deterministic per room version.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The new member.</param>
/// <param name="AddedBy">Who added them.</param>
/// <param name="AtSeq">The room's last seq when they joined: they may receive everything after it.</param>
public sealed record MemberJoinedIntegrationEvent(string EventId, string RoomId, string UserId, string AddedBy, long AtSeq)
    : IIntegrationEvent<MemberJoinedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MemberJoined;
}

/// <summary>A user left or was removed from a room.</summary>
/// <param name="EventId">Deterministic per room version.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The former member.</param>
/// <param name="RemovedBy">Who removed them (themself when they left).</param>
/// <param name="AtSeq">The room's last seq at removal: they must receive nothing after it.</param>
public sealed record MemberLeftIntegrationEvent(string EventId, string RoomId, string UserId, string RemovedBy, long AtSeq)
    : IIntegrationEvent<MemberLeftIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MemberLeft;
}

/// <summary>
/// A room was created or its members, roles or name changed. Carries the whole room, so a consumer can reconcile
/// its view (e.g. SignalR groups) from this event alone.
/// </summary>
/// <param name="EventId">Deterministic per room version: a re-publication after a retried change keeps it.</param>
/// <param name="Room">The room after the change.</param>
/// <param name="Version">The room's version, increasing with every change; consumers ignore older versions.</param>
public sealed record RoomUpdatedIntegrationEvent(string EventId, Room Room, long Version)
    : IIntegrationEvent<RoomUpdatedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.RoomUpdated;
}
