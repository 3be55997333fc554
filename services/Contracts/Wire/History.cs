using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>Result of <c>GetHistory</c>: messages in ascending seq.</summary>
/// <param name="Messages">The page, oldest first.</param>
/// <param name="HasMore">Whether older messages exist before this page.</param>
[DataContract]
public sealed record HistoryPage(
    [property: DataMember(Name = "messages")] IReadOnlyList<Message> Messages,
    [property: DataMember(Name = "hasMore")] bool HasMore);

/// <summary>One room of a <c>Sync</c> call: "give me everything after <paramref name="AfterSeq"/>".</summary>
/// <param name="RoomId">The room.</param>
/// <param name="AfterSeq">The highest seq the client has seen in the room (0 for none).</param>
[DataContract]
public sealed record SyncRequest(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "afterSeq")] long AfterSeq);

/// <summary>One room of a <c>Sync</c> result: messages after the requested seq, ascending.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Messages">Messages with seq greater than the requested one, oldest first.</param>
/// <param name="HasMore">Whether more messages follow; the client syncs again from the last seq it got.</param>
[DataContract]
public sealed record SyncResult(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "messages")] IReadOnlyList<Message> Messages,
    [property: DataMember(Name = "hasMore")] bool HasMore);
