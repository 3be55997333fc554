namespace ChatDapr.Contracts.Wire;

/// <summary>A file or image attached to a message; the bytes live in the messages service's attachment store.</summary>
/// <param name="AttachmentId">Id of the uploaded attachment.</param>
/// <param name="FileName">Original file name.</param>
/// <param name="ContentType">MIME type, e.g. image/png.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Url">Where clients download it, when known.</param>
public sealed record Attachment(string AttachmentId, string FileName, string ContentType, long Size, string? Url = null);

/// <summary>
/// A chat message (<c>MessageReceived</c>, <c>MessageEdited</c>, history pages).
/// </summary>
/// <remarks>
/// <para><see cref="Seq"/> is the message's position in the room sequence, assigned once when it was posted; clients
/// de-duplicate by (<see cref="RoomId"/>, <see cref="Seq"/>). Edits and deletes are ordered events of the room too and
/// take their own later positions in the same sequence (see <c>MessageEditedIntegrationEvent</c>), but the message
/// keeps its original <see cref="Seq"/>.</para>
/// </remarks>
/// <param name="RoomId">The room.</param>
/// <param name="MessageId">Unique id of the message.</param>
/// <param name="Seq">Position of the post in the room sequence (1, 2, 3, …).</param>
/// <param name="SenderId">The author.</param>
/// <param name="Text">The text (trimmed); empty once deleted.</param>
/// <param name="SentAt">When the room accepted it.</param>
/// <param name="EditedAt">When it was last edited, if ever.</param>
/// <param name="Deleted">true once deleted; absent otherwise.</param>
/// <param name="ReplyTo">The message id this one replies to.</param>
/// <param name="Attachments">Attached files; absent when none.</param>
public sealed record Message(
    string RoomId,
    string MessageId,
    long Seq,
    string SenderId,
    string Text,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt = null,
    bool? Deleted = null,
    string? ReplyTo = null,
    IReadOnlyList<Attachment>? Attachments = null);
