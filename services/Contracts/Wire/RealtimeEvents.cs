namespace ChatDapr.Contracts.Wire;

/// <summary>Pushed as <c>ReadReceipt</c>: a member has read the room up to <paramref name="Seq"/>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The reader.</param>
/// <param name="Seq">The highest seq the reader has read.</param>
public sealed record ReadReceipt(string RoomId, string UserId, long Seq);

/// <summary>Pushed as <c>TypingStarted</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">Who is typing.</param>
public sealed record TypingStarted(string RoomId, string UserId);

/// <summary>Pushed as <c>MemberJoined</c> and <c>MemberLeft</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The member who joined or left.</param>
public sealed record MemberEvent(string RoomId, string UserId);

/// <summary>Pushed as <c>MessageDeleted</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="MessageId">The deleted message.</param>
/// <param name="Seq">The deleted message's own seq (its position when posted), so clients can find it by (roomId, seq).</param>
public sealed record MessageDeletedEvent(string RoomId, string MessageId, long Seq);
