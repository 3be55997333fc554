using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Messages;

// Bodies of the messages service's internal HTTP API (service invocation, app-id "messages"). The gateway checks
// membership first and passes the room's lastSeq, so the messages service never answers past what the room assigned.
public static class MessagesApi
{
    public const string History = "internal/history";
    public const string Sync = "internal/sync";
    public const string ReadMarkers = "internal/read-markers";
    public const string ReadState = "internal/read-state";
}

public sealed record HistoryQuery(string RoomId, long? BeforeSeq, int Limit, long LastSeq);

public sealed record SyncRoom(string RoomId, long AfterSeq, long LastSeq);

public sealed record SyncQuery(IReadOnlyList<SyncRoom> Rooms, int Limit);

public sealed record ReadMarkerCommand(string RoomId, string UserId, long Seq, long LastSeq);

public sealed record ReadStateQuery(string UserId, IReadOnlyList<string> RoomIds);

public sealed record RoomReadState(string RoomId, long ReadSeq);

// What the gateway asks of the messages service.
public interface IMessagesClient
{
    Task<HistoryPage> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncResult>> SyncAsync(SyncQuery query, CancellationToken cancellationToken);

    Task<ReadReceipt> MarkReadAsync(ReadMarkerCommand command, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoomReadState>> GetReadStateAsync(ReadStateQuery query, CancellationToken cancellationToken);
}
