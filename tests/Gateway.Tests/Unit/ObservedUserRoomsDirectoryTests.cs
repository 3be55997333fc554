using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Connections;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class ObservedUserRoomsDirectoryTests
{
    private readonly ObservedUserRoomsDirectory directory = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Room RoomOf(string id, params string[] members) =>
        new(id, id, RoomKinds.Group, members.Select(m => new RoomMember(m, RoomRoles.Member)).ToList(), 0);

    [Fact]
    public async Task Observe_NewerSnapshot_ReplacesMembers()
    {
        directory.Observe(RoomOf("r1", "alice", "bob"), 1);
        directory.Observe(RoomOf("r1", "alice"), 2);

        (await directory.GetRoomIdsAsync("alice", Ct)).ShouldBe(["r1"]);
        (await directory.GetRoomIdsAsync("bob", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Observe_OlderSnapshotAfterNewer_Ignored()
    {
        directory.Observe(RoomOf("r1", "alice"), 2);
        directory.Observe(RoomOf("r1", "alice", "bob"), 1);

        (await directory.GetRoomIdsAsync("bob", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Observe_SeveralRooms_UserListsAll()
    {
        directory.Observe(RoomOf("r1", "alice"), 1);
        directory.Observe(RoomOf("r2", "alice", "bob"), 1);

        (await directory.GetRoomIdsAsync("alice", Ct)).ShouldBe(["r1", "r2"], ignoreOrder: true);
    }
}
