namespace ChatDapr.Contracts.Messages;

/// <summary>
/// Request of <see cref="MessagesRoutes.ReadMarkers"/>: the member has read the room up to <paramref name="Seq"/>.
/// The stored marker becomes max(stored, min(<paramref name="Seq"/>, <paramref name="LastSeq"/>)): it never moves
/// back and never passes the room's last message. When it moved, <c>ReadMarkerUpdatedIntegrationEvent</c> is
/// published (topic <c>read-marker-updated</c>).
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The reader (a member; the caller checked).</param>
/// <param name="Seq">The highest seq read (≥ 0).</param>
/// <param name="LastSeq">The room's last seq as the room actor reported it.</param>
public sealed record ReadMarkerUpdate(string RoomId, string UserId, long Seq, long LastSeq);

/// <summary>A member's read marker: the highest seq they have read in the room (0 for none).</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The reader.</param>
/// <param name="Seq">The read marker after the request.</param>
public sealed record ReadMarker(string RoomId, string UserId, long Seq);
