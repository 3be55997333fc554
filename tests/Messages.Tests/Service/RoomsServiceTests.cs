using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

// The rooms app through the real actor runtime: RoomActor and UserRoomsActor over JSON, called by proxies.
public sealed class RoomsServiceTests
{
    [Fact]
    public async Task GetRoomsAsync_RightAfterCreateAndRemove_ReadYourWritesForMembership()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var (alice, bob) = ("alice-" + Guid.NewGuid().ToString("N"), "bob-" + Guid.NewGuid().ToString("N"));

        var roomId = await cluster.CreateGroupAsync(alice, bob);
        var bobsRoomsAfterCreate = await cluster.UserRooms(bob).GetRoomsAsync().Within();
        await cluster.Room(roomId).RemoveMemberAsync(new RemoveMemberCommand(alice, bob)).Within();
        var bobsRoomsAfterRemove = await cluster.UserRooms(bob).GetRoomsAsync().Within();

        bobsRoomsAfterCreate.ShouldBe([roomId]);
        bobsRoomsAfterRemove.ShouldBeEmpty();
        (await cluster.UserRooms(alice).GetRoomsAsync().Within()).ShouldBe([roomId]);
    }

    [Fact]
    public async Task GetMessagesAsync_ThroughProxy_EditAndDeleteInPlaceWithVersions()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = await cluster.CreateGroupAsync("alice", "bob");
        var first = (await cluster.SendAsync(roomId, "bob", "c1", "draft")).Ack;
        var second = (await cluster.SendAsync(roomId, "bob", "c2", "oops")).Ack;
        await cluster.Room(roomId).EditMessageAsync(new EditMessageCommand("bob", first.MessageId, "final")).Within();
        await cluster.Room(roomId).DeleteMessageAsync(new DeleteMessageCommand("bob", second.MessageId)).Within();

        var log = await cluster.Room(roomId).GetMessagesAsync(new GetMessagesQuery(0, 10)).Within();

        log.Select(v => (v.Message.Seq, v.Version, v.Message.Text, v.Message.Deleted)).ShouldBe(
            [(1L, 2L, "final", (bool?)null), (2L, 2L, "", true)]);
        (await cluster.LastSeqAsync(roomId)).ShouldBe(2);
    }

    [Fact]
    public async Task EditAndDelete_EventsReachTheMessagesService_HistoryShowsCurrentVersions()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var roomId = await cluster.CreateGroupAsync("alice", "bob");
        var first = (await cluster.SendAsync(roomId, "bob", "c1", "draft")).Ack;
        var second = (await cluster.SendAsync(roomId, "bob", "c2", "oops")).Ack;
        await cluster.HistoryAsync(roomId);

        await cluster.Room(roomId).EditMessageAsync(new EditMessageCommand("bob", first.MessageId, "final")).Within();
        await cluster.Room(roomId).DeleteMessageAsync(new DeleteMessageCommand("alice", second.MessageId)).Within();

        await Poll.UntilAsync(async () => (await cluster.TextsAsync(roomId)).SequenceEqual(["final", ""]),
            "the edit and delete events are applied to the stored history");
        var page = await cluster.HistoryAsync(roomId);
        page.Messages[0].EditedAt.ShouldNotBeNull();
        page.Messages[1].Deleted.ShouldBe(true);
    }
}
