namespace ChatDapr.Contracts.Messages;

/// <summary>
/// The internal HTTP API of the <c>messages</c> app, called through Dapr service invocation
/// (<c>DaprClient.InvokeMethodAsync</c> on app-id <c>messages</c>, HTTP POST, JSON in <c>ChatJson</c> shape). The
/// caller (the gateway) checks membership first: these endpoints trust the room and user they are given. Errors are
/// RFC 7807 problem details whose <c>type</c> and <c>title</c> are a <c>ChatErrorCodes</c> code.
/// </summary>
public static class MessagesRoutes
{
    /// <summary>A page of a room's history: <see cref="HistoryQuery"/> → <c>HistoryPage</c>.</summary>
    public const string History = "internal/history";

    /// <summary>What several rooms have after given seqs: <see cref="SyncQuery"/> → list of <c>SyncResult</c>.</summary>
    public const string Sync = "internal/sync";

    /// <summary>Moves a member's read marker forward: <see cref="ReadMarkerUpdate"/> → <see cref="ReadMarker"/>.</summary>
    public const string ReadMarkers = "internal/read-markers";

    /// <summary>A user's read markers in several rooms: <see cref="ReadStateQuery"/> → list of <see cref="RoomReadState"/>.</summary>
    public const string ReadState = "internal/read-state";

    /// <summary>
    /// Several users' read markers in one room: <see cref="RoomReadMarkersQuery"/> → list of <c>MemberReadMarker</c>.
    /// </summary>
    public const string RoomReadMarkers = "internal/room-read-markers";
}
