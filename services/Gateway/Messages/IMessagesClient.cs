using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Messages;

// What the gateway asks of the messages service (its internal API, ChatDapr.Contracts.Messages). The gateway checks
// membership with the room actor first and passes the room's lastSeq, so the messages service never answers for a
// non-member and never beyond what the room has assigned.
public interface IMessagesClient
{
    Task<HistoryPage> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncResult>> SyncAsync(SyncQuery query, CancellationToken cancellationToken);

    Task<ReadMarker> MarkReadAsync(ReadMarkerUpdate update, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoomReadState>> GetReadStateAsync(ReadStateQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberReadMarker>> GetRoomReadMarkersAsync(RoomReadMarkersQuery query, CancellationToken cancellationToken);
}
