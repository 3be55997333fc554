using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

public sealed class ReadMarkerServiceTests
{
    [Fact]
    public async Task ReadMarkers_BackwardsAndBeyondLastSeq_MonotonicClampedAndPublishedOnlyWhenMoved()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var receipts = await EventObserver<ReadMarkerUpdatedIntegrationEvent>.StartAsync(cluster);
        var roomId = RoomIds.NewGroup();

        var moved = await Mark(cluster, roomId, "bob", seq: 3, lastSeq: 5);
        var back = await Mark(cluster, roomId, "bob", seq: 2, lastSeq: 5);
        var same = await Mark(cluster, roomId, "bob", seq: 3, lastSeq: 5);
        var beyond = await Mark(cluster, roomId, "bob", seq: 10, lastSeq: 5);

        new[] { moved, back, same, beyond }.Select(m => m.Seq).ShouldBe([3L, 3L, 3L, 5L]);
        beyond.ShouldBe(new ReadMarker(roomId, "bob", 5));
        // Deliveries are in publish order, so once the last receipt is in, any receipt of the no-op calls would be too.
        await Poll.UntilAsync(() => receipts.Received.Any(r => r.Seq == 5), "the receipt for seq 5 is delivered");
        receipts.Received.Select(r => (r.RoomId, r.UserId, r.Seq, r.EventId)).ShouldBe(
        [
            (roomId, "bob", 3L, EventIds.ForReadMarker(roomId, "bob", 3)),
            (roomId, "bob", 5L, EventIds.ForReadMarker(roomId, "bob", 5)),
        ]);
    }

    [Fact]
    public async Task ReadMarkers_DevicesMarkConcurrently_FurthestWinsNoneGoesBack()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = RoomIds.NewGroup();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(seq => Mark(cluster, roomId, "bob", seq, lastSeq: 8)));

        results.Select((r, i) => r.Seq >= i + 1).ShouldAllBe(atLeastRequested => atLeastRequested);
        (await ReadState(cluster, "bob", roomId)).Single().ReadSeq.ShouldBe(8);
    }

    [Fact]
    public async Task ReadState_SeveralRooms_MarkersInRequestOrderZeroWhenNothingRead()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var (read, unread, further) = (RoomIds.NewGroup(), RoomIds.NewGroup(), RoomIds.NewGroup());
        await Mark(cluster, read, "bob", 2, lastSeq: 4);
        await Mark(cluster, further, "bob", 7, lastSeq: 7);
        await Mark(cluster, further, "carol", 1, lastSeq: 7);

        var state = await ReadState(cluster, "bob", read, unread, further, read);

        state.ShouldBe([new(read, 2), new(unread, 0), new(further, 7), new(read, 2)]);
        (await ReadState(cluster, "carol", further)).Single().ReadSeq.ShouldBe(1);
    }

    [Fact]
    public async Task RoomReadMarkers_SeveralUsers_MarkersInRequestOrderZeroWhenNothingRead()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var (roomId, otherRoom) = (RoomIds.NewGroup(), RoomIds.NewGroup());
        await Mark(cluster, roomId, "bob", 4, lastSeq: 6);
        await Mark(cluster, roomId, "carol", 6, lastSeq: 6);
        await Mark(cluster, otherRoom, "dave", 3, lastSeq: 3);

        var markers = await RoomReaders(cluster, roomId, "bob", "dave", "carol", "bob");

        markers.ShouldBe([new("bob", 4), new("dave", 0), new("carol", 6), new("bob", 4)]);
        (await RoomReaders(cluster, otherRoom, "bob", "dave")).ShouldBe([new("bob", 0), new("dave", 3)]);
        (await RoomReaders(cluster, roomId)).ShouldBeEmpty();
    }

    private static Task<ReadMarker> Mark(ChatCluster cluster, string roomId, string userId, long seq, long lastSeq) =>
        cluster.InvokeMessagesAsync<ReadMarkerUpdate, ReadMarker>(MessagesRoutes.ReadMarkers, new ReadMarkerUpdate(roomId, userId, seq, lastSeq));

    private static Task<IReadOnlyList<RoomReadState>> ReadState(ChatCluster cluster, string userId, params string[] roomIds) =>
        cluster.InvokeMessagesAsync<ReadStateQuery, IReadOnlyList<RoomReadState>>(MessagesRoutes.ReadState, new ReadStateQuery(userId, roomIds));

    private static Task<IReadOnlyList<MemberReadMarker>> RoomReaders(ChatCluster cluster, string roomId, params string[] userIds) =>
        cluster.InvokeMessagesAsync<RoomReadMarkersQuery, IReadOnlyList<MemberReadMarker>>(
            MessagesRoutes.RoomReadMarkers, new RoomReadMarkersQuery(roomId, userIds));
}
