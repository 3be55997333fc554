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

/// <summary>Edits a message's text (its sender only). Takes the next position in the room sequence.</summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="MessageId">The message to edit.</param>
/// <param name="Text">The new text, same rules as a send.</param>
public sealed record EditMessageCommand(string ActorUserId, string MessageId, string Text);

/// <summary>Deletes a message (its sender, or an admin/owner). Takes the next position in the room sequence.</summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="MessageId">The message to delete.</param>
public sealed record DeleteMessageCommand(string ActorUserId, string MessageId);
