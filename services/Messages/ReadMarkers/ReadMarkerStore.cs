using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;
using Dapr.Client;

namespace ChatDapr.Messages.ReadMarkers;

// Read markers, one value per (room, user). Devices of one user mark concurrently, so a move is a compare-and-set on
// the ETag, retried on a lost race; whichever device read further wins.
public sealed class ReadMarkerStore(DaprClient dapr, IEventPublisher publisher)
{
    private const int MaxAttempts = 10;

    public async Task<ReadMarker> MoveAsync(ReadMarkerUpdate update, CancellationToken ct)
    {
        var key = StateKeys.ReadMarker(update.RoomId, update.UserId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (stored, etag) = await dapr.GetStateAndETagAsync<long>(DaprComponents.StateStore, key, cancellationToken: ct);
            var next = ReadMarkerRules.Next(stored, update.Seq, update.LastSeq);
            if (next == stored)
                return new ReadMarker(update.RoomId, update.UserId, stored);
            if (!await dapr.TrySaveStateAsync(DaprComponents.StateStore, key, next, etag ?? "", MessageStore.CheckETag, cancellationToken: ct))
                continue;
            // Published after the save, so a receipt never announces a marker that could still be lost.
            await publisher.PublishAsync(new ReadMarkerUpdatedIntegrationEvent(
                EventIds.ForReadMarker(update.RoomId, update.UserId, next), update.RoomId, update.UserId, next), ct);
            return new ReadMarker(update.RoomId, update.UserId, next);
        }
        throw ChatError.Conflict("the read marker is being moved concurrently; retry");
    }

    public async Task<IReadOnlyList<RoomReadState>> GetAsync(string userId, IReadOnlyList<string> roomIds, CancellationToken ct)
    {
        if (roomIds.Count == 0)
            return [];
        var keys = roomIds.Distinct().Select(roomId => StateKeys.ReadMarker(roomId, userId)).ToList();
        var items = await dapr.GetBulkStateAsync<long>(DaprComponents.StateStore, keys, parallelism: null, cancellationToken: ct);
        var byKey = items.ToDictionary(i => i.Key, i => i.Value);
        return roomIds.Select(roomId => new RoomReadState(roomId, byKey.GetValueOrDefault(StateKeys.ReadMarker(roomId, userId)))).ToList();
    }

    // The markers of several users in one room (one key each, one bulk read), in request order; 0 for nothing read.
    public async Task<IReadOnlyList<MemberReadMarker>> GetRoomAsync(string roomId, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
            return [];
        var keys = userIds.Distinct().Select(userId => StateKeys.ReadMarker(roomId, userId)).ToList();
        var items = await dapr.GetBulkStateAsync<long>(DaprComponents.StateStore, keys, parallelism: null, cancellationToken: ct);
        var byKey = items.ToDictionary(i => i.Key, i => i.Value);
        return userIds.Select(userId => new MemberReadMarker(userId, byKey.GetValueOrDefault(StateKeys.ReadMarker(roomId, userId)))).ToList();
    }
}
