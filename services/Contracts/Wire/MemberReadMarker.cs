using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>
/// One entry of <c>GetReadMarkers(roomId)</c>: how far a current member has read the room. The same value a
/// <c>ReadReceipt</c> carries, so a client seeds its "seen by" state from it and lets later receipts move it forward.
/// </summary>
/// <param name="UserId">The member.</param>
/// <param name="ReadSeq">The highest seq the member has read (0 for nothing), never beyond the room's lastSeq.</param>
[DataContract]
public sealed record MemberReadMarker(
    [property: DataMember(Name = "userId")] string UserId,
    [property: DataMember(Name = "readSeq")] long ReadSeq);
