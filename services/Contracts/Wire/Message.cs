using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>A file or image attached to a message; the bytes live in the messages service's attachment store.</summary>
/// <param name="AttachmentId">Id of the uploaded attachment.</param>
/// <param name="FileName">Original file name.</param>
/// <param name="ContentType">MIME type, e.g. image/png.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Url">Where clients download it, when known.</param>
[DataContract]
public sealed record Attachment(
    [property: DataMember(Name = "attachmentId")] string AttachmentId,
    [property: DataMember(Name = "fileName")] string FileName,
    [property: DataMember(Name = "contentType")] string ContentType,
    [property: DataMember(Name = "size")] long Size,
    [property: DataMember(Name = "url")] string? Url = null);

/// <summary>
/// A chat message (<c>MessageReceived</c>, <c>MessageEdited</c>, history pages).
/// </summary>
/// <remarks>
/// <para><see cref="Seq"/> is the message's position in the room sequence, assigned once when it was posted; clients
/// de-duplicate by (<see cref="RoomId"/>, <see cref="Seq"/>). Only posts take positions, so the seqs of a room are
/// dense over its messages and a missing seq is a missing message. Edits and deletes change the message in place and
/// keep its <see cref="Seq"/>.</para>
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
[DataContract]
public sealed record Message(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "messageId")] string MessageId,
    [property: DataMember(Name = "seq")] long Seq,
    [property: DataMember(Name = "senderId")] string SenderId,
    [property: DataMember(Name = "text")] string Text,
    [property: DataMember(Name = "sentAt")] DateTimeOffset SentAt,
    [property: DataMember(Name = "editedAt")] DateTimeOffset? EditedAt = null,
    [property: DataMember(Name = "deleted")] bool? Deleted = null,
    [property: DataMember(Name = "replyTo")] string? ReplyTo = null,
    [property: DataMember(Name = "attachments")] IReadOnlyList<Attachment>? Attachments = null);
