using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Contracts.Events;

/// <summary>
/// A message was posted. Published by the room actor after the message is persisted, and re-published (same
/// <see cref="EventId"/>) whenever the same send is retried.
/// </summary>
/// <param name="EventId">"{roomId}/seq/{seq}".</param>
/// <param name="Message">The full message; <c>Message.Seq</c> is its position in the room sequence.</param>
/// <param name="MemberIds">The room's members when the message was posted: exactly the users who may receive it.</param>
public sealed record MessagePostedIntegrationEvent(string EventId, Message Message, IReadOnlyList<string> MemberIds)
    : IIntegrationEvent<MessagePostedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessagePosted;
}

/// <summary>
/// A message was edited. Edits are ordered events of the room: each takes the next position <see cref="Seq"/> of the
/// room sequence (so they sort with posts and a reconnecting client can catch up on them), while
/// <c>Message.Seq</c> stays the position where the message was posted.
/// </summary>
/// <param name="EventId">"{roomId}/seq/{Seq}".</param>
/// <param name="RoomId">The room.</param>
/// <param name="Seq">The edit's own position in the room sequence.</param>
/// <param name="Message">The message after the edit (new text, <c>EditedAt</c> set).</param>
/// <param name="EditedBy">Who edited it.</param>
/// <param name="MemberIds">The room's members at the edit.</param>
public sealed record MessageEditedIntegrationEvent(
    string EventId, string RoomId, long Seq, Message Message, string EditedBy, IReadOnlyList<string> MemberIds)
    : IIntegrationEvent<MessageEditedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessageEdited;
}

/// <summary>
/// A message was deleted. Like edits, a delete takes its own position <see cref="Seq"/> in the room sequence;
/// <see cref="MessageSeq"/> is the position where the deleted message was posted.
/// </summary>
/// <param name="EventId">"{roomId}/seq/{Seq}".</param>
/// <param name="RoomId">The room.</param>
/// <param name="Seq">The delete's own position in the room sequence.</param>
/// <param name="MessageId">The deleted message.</param>
/// <param name="MessageSeq">The deleted message's position when it was posted.</param>
/// <param name="DeletedBy">Who deleted it (the sender or an admin/owner).</param>
/// <param name="MemberIds">The room's members at the delete.</param>
public sealed record MessageDeletedIntegrationEvent(
    string EventId, string RoomId, long Seq, string MessageId, long MessageSeq, string DeletedBy, IReadOnlyList<string> MemberIds)
    : IIntegrationEvent<MessageDeletedIntegrationEvent>
{
    /// <inheritdoc />
    public static string Topic => Topics.MessageDeleted;
}
