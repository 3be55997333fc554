using ChatDapr.Contracts.Wire;

namespace ChatDapr.Contracts.Actors;

/// <summary>Posts a message to the room.</summary>
/// <param name="SenderId">The caller; must be a member.</param>
/// <param name="ClientMessageId">1–64 characters; the idempotency key together with <paramref name="SenderId"/>.</param>
/// <param name="Text">1–4000 characters after trimming (may be empty with attachments).</param>
/// <param name="ReplyTo">Id of an earlier message of the room.</param>
/// <param name="Attachments">Up to 10 attachments.</param>
public sealed record SendCommand(
    string SenderId,
    string ClientMessageId,
    string Text,
    string? ReplyTo = null,
    IReadOnlyList<Attachment>? Attachments = null);

/// <summary>Result of <c>IRoomActor.SendMessageAsync</c>.</summary>
/// <param name="Ack">The acknowledgement; identical for every retry of the same (sender, clientMessageId).</param>
/// <param name="Duplicate">
/// true when this was a retry answered from the idempotency record. The room has re-published the message (same
/// event id) before answering, so a crash between persisting and publishing heals on retry.
/// </param>
public sealed record SendResult(SendAck Ack, bool Duplicate);

/// <summary>Edits a message's text in place (its sender only); the message keeps its seq, its version grows by one.</summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="MessageId">The message to edit.</param>
/// <param name="Text">The new text, same rules as a send.</param>
public sealed record EditMessageCommand(string ActorUserId, string MessageId, string Text);

/// <summary>
/// Deletes a message (its sender, or an admin/owner): it becomes a tombstone at its seq, its version grows by one.
/// </summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="MessageId">The message to delete.</param>
public sealed record DeleteMessageCommand(string ActorUserId, string MessageId);

/// <summary>Reads a window of the room log (<c>IRoomActor.GetMessagesAsync</c>).</summary>
/// <param name="AfterSeq">Messages with a greater seq are returned (0 for the first message).</param>
/// <param name="Limit">At most this many (1–<see cref="MaxLimit"/>).</param>
public sealed record GetMessagesQuery(long AfterSeq, int Limit)
{
    /// <summary>The largest window one call reads.</summary>
    public const int MaxLimit = 200;
}

/// <summary>A message as it is now, with its version.</summary>
/// <param name="Message">The message: text and <c>EditedAt</c> after the last edit, or a tombstone once deleted.</param>
/// <param name="Version">1 at post, +1 per edit or delete; a copy with a lower version is older.</param>
public sealed record VersionedMessage(Message Message, long Version);
