using ChatDapr.Reliability.Tests.Model;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>A room of a run as set up: its owner (who created it) and every member, the owner first.</summary>
public sealed record RunRoom(string RoomId, ReliableClient Owner, IReadOnlyList<ReliableClient> Members);
