using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.ReadMarkers;

namespace ChatDapr.Messages.Apis;

// Read markers: move one forward, read a user's markers in several rooms, or several users' markers in one room.
public static class ReadMarkersApi
{
    public static IEndpointRouteBuilder MapReadMarkersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + MessagesRoutes.ReadMarkers, MoveAsync);
        app.MapPost("/" + MessagesRoutes.ReadState, GetReadStateAsync);
        app.MapPost("/" + MessagesRoutes.RoomReadMarkers, GetRoomReadMarkersAsync);
        return app;
    }

    public static Task<ReadMarker> MoveAsync(ReadMarkerUpdate? update, ReadMarkerStore markers, CancellationToken ct) =>
        markers.MoveAsync(QueryRules.Validate(update), ct);

    public static async Task<IReadOnlyList<RoomReadState>> GetReadStateAsync(ReadStateQuery? query, ReadMarkerStore markers, CancellationToken ct)
    {
        var valid = QueryRules.Validate(query);
        return await markers.GetAsync(valid.UserId, valid.RoomIds, ct);
    }

    public static async Task<IReadOnlyList<MemberReadMarker>> GetRoomReadMarkersAsync(
        RoomReadMarkersQuery? query, ReadMarkerStore markers, CancellationToken ct)
    {
        var valid = QueryRules.Validate(query);
        return await markers.GetRoomAsync(valid.RoomId, valid.UserIds, ct);
    }
}
