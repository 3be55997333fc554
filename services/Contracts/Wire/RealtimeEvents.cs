using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>Pushed as <c>ReadReceipt</c>: a member has read the room up to <paramref name="Seq"/>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The reader.</param>
/// <param name="Seq">The highest seq the reader has read.</param>
[DataContract]
public sealed record ReadReceipt(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "userId")] string UserId,
    [property: DataMember(Name = "seq")] long Seq);

/// <summary>Pushed as <c>TypingStarted</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">Who is typing.</param>
[DataContract]
public sealed record TypingStarted(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "userId")] string UserId);

/// <summary>Pushed as <c>MemberJoined</c> and <c>MemberLeft</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The member who joined or left.</param>
[DataContract]
public sealed record MemberEvent(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "userId")] string UserId);

/// <summary>Pushed as <c>MessageDeleted</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="MessageId">The deleted message.</param>
/// <param name="Seq">The deleted message's own seq (its position when posted), so clients can find it by (roomId, seq).</param>
[DataContract]
public sealed record MessageDeletedEvent(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "messageId")] string MessageId,
    [property: DataMember(Name = "seq")] long Seq);
