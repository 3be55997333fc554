using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>Argument of the hub method <c>SendMessage</c>.</summary>
/// <param name="RoomId">The room to post to.</param>
/// <param name="ClientMessageId">
/// Chosen by the client (1–64 characters) and reused on every retry of the same send: the same (sender,
/// clientMessageId) in a room always yields the same <see cref="SendAck"/> for at least 24 hours.
/// </param>
/// <param name="Text">1–4000 characters after trimming (may be empty when there are attachments).</param>
/// <param name="ReplyTo">Id of a message of the same room this replies to.</param>
/// <param name="Attachments">Attached files.</param>
[DataContract]
public sealed record SendMessageRequest(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "clientMessageId")] string ClientMessageId,
    [property: DataMember(Name = "text")] string Text,
    [property: DataMember(Name = "replyTo")] string? ReplyTo = null,
    [property: DataMember(Name = "attachments")] IReadOnlyList<Attachment>? Attachments = null);

/// <summary>Acknowledgement of a durable send: returned only after the message is persisted and published.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="MessageId">The message id assigned by the room.</param>
/// <param name="Seq">The message's position in the room sequence.</param>
/// <param name="SentAt">When the room accepted it.</param>
[DataContract]
public sealed record SendAck(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "messageId")] string MessageId,
    [property: DataMember(Name = "seq")] long Seq,
    [property: DataMember(Name = "sentAt")] DateTimeOffset SentAt);
