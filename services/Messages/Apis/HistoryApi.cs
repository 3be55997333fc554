using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.History;
using ChatDapr.Messages.Storage;

namespace ChatDapr.Messages.Apis;

// Message history: a page of one room, or what several rooms have after given seqs (reconnect).
public static class HistoryApi
{
    private const int MaxParallelRooms = 8;

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + MessagesRoutes.History, GetHistoryAsync);
        app.MapPost("/" + MessagesRoutes.Sync, SyncAsync);
        return app;
    }

    public static async Task<HistoryPage> GetHistoryAsync(HistoryQuery? query, HistoryReader reader, CancellationToken ct)
    {
        var valid = QueryRules.Validate(query);
        var (window, hasMore) = SeqWindow.ForHistory(valid.BeforeSeq, valid.Limit, valid.LastSeq);
        return new HistoryPage(await reader.ReadAsync(valid.RoomId, window, ct), hasMore);
    }

    public static async Task<IReadOnlyList<SyncResult>> SyncAsync(SyncQuery? query, HistoryReader reader, CancellationToken ct)
    {
        var valid = QueryRules.Validate(query);
        var results = new SyncResult[valid.Rooms.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, valid.Rooms.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelRooms, CancellationToken = ct },
            async (i, token) =>
            {
                var room = valid.Rooms[i];
                var (window, hasMore) = SeqWindow.ForSync(room.AfterSeq, valid.Limit, room.LastSeq);
                results[i] = new SyncResult(room.RoomId, await reader.ReadAsync(room.RoomId, window, token), hasMore);
            });
        return results;
    }
}
