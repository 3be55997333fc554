using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Contracts.Events;

/// <summary>
/// A message was posted. Published by the room actor after the message is persisted, and re-published (same
/// <see cref="EventId"/>) whenever the same send is retried; a re-publication carries the message as it is then
/// (edited, or a tombstone) with its current <see cref="Version"/>.
/// </summary>
/// <param name="EventId">"{roomId}/seq/{seq}".</param>
/// <param name="Message">The full message; <c>Message.Seq</c> is its position in the room sequence.</param>
/// <param name="MemberIds">The room's members when the message was posted: exactly the users who may receive it.</param>
/// <param name="Version">The message's version (1 unless the message changed before a re-publication).</param>
public sealed record MessagePostedIntegrationEvent(
    string EventId, Message Message, IReadOnlyList<string> MemberIds, long Version = 1)
    : IIntegrationEvent<MessagePostedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessagePosted;
}

/// <summary>
/// A message was edited. An edit takes no position in the room sequence: the message keeps its <see cref="Seq"/> and
/// its <see cref="Version"/> grows by one, so consumers ignore an event whose version is not newer than what they
/// hold (events of one message may arrive out of order).
/// </summary>
/// <param name="EventId">"{roomId}/{messageId}/v{Version}".</param>
/// <param name="RoomId">The room.</param>
/// <param name="Seq">The message's seq (its position when posted).</param>
/// <param name="Message">The message after the edit (new text, <c>EditedAt</c> set).</param>
/// <param name="Version">The message's version after the edit (≥ 2).</param>
/// <param name="EditedBy">Who edited it.</param>
/// <param name="MemberIds">The room's members at the edit.</param>
public sealed record MessageEditedIntegrationEvent(
    string EventId, string RoomId, long Seq, Message Message, long Version, string EditedBy, IReadOnlyList<string> MemberIds)
    : IIntegrationEvent<MessageEditedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessageEdited;
}

/// <summary>
/// A message was deleted. Like an edit, a delete takes no position in the room sequence: the message becomes a
/// tombstone at its <see cref="Seq"/> and its <see cref="Version"/> grows by one.
/// </summary>
/// <param name="EventId">"{roomId}/{messageId}/v{Version}".</param>
/// <param name="RoomId">The room.</param>
/// <param name="Seq">The deleted message's seq (its position when posted).</param>
/// <param name="MessageId">The deleted message.</param>
/// <param name="Message">The tombstone: <c>Deleted</c> true, empty text, no attachments.</param>
/// <param name="Version">The message's version after the delete (≥ 2).</param>
/// <param name="DeletedBy">Who deleted it (the sender or an admin/owner).</param>
/// <param name="MemberIds">The room's members at the delete.</param>
public sealed record MessageDeletedIntegrationEvent(
    string EventId, string RoomId, long Seq, string MessageId, Message Message, long Version, string DeletedBy,
    IReadOnlyList<string> MemberIds)
    : IIntegrationEvent<MessageDeletedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessageDeleted;
}
