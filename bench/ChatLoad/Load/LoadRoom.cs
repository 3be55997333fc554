namespace ChatDapr.ChatLoad.Load;

/// <summary>A room under load and its members' connections (every member also sends, in turn).</summary>
public sealed record LoadRoom(string RoomId, IReadOnlyList<LoadClient> Members);
