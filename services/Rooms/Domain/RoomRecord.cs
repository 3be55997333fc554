using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

public sealed record MemberRecord(string UserId, string Role, DateTimeOffset JoinedAt);

// The persisted room (state key "room"). Version grows with every membership, role or name change and makes the
// ids of room events deterministic, so a re-published change keeps its event id.
public sealed record RoomRecord(
    string RoomId,
    string Name,
    string Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MemberRecord> Members,
    long Version,
    string Fingerprint)
{
    public MemberRecord? FindMember(string userId) => Members.FirstOrDefault(m => m.UserId == userId);

    public IReadOnlyList<string> MemberIds() => Members.Select(m => m.UserId).ToList();

    public Room ToWire(long lastSeq) =>
        new(RoomId, Name, Kind, Members.Select(m => new RoomMember(m.UserId, m.Role)).ToList(), lastSeq);
}
