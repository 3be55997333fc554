using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

// The room actor keeps each member's UserRoomsActor up to date within the membership turn: after saving the room and
// before publishing or answering, so GetRooms right after the ack already sees the change.
public sealed class UserRoomsIndexTests
{
    [Fact]
    public async Task CreateAsync_Group_EveryMemberIndexedAfterSaveBeforePublish()
    {
        var room = RoomHarness.Create();
        var seenAtIndex = new List<(bool Saved, int Published)>();
        room.UserRooms.OnCall = () => seenAtIndex.Add((room.State.IsCommitted(StateKeys.Room), room.Publisher.Published.Count));

        await room.Call(a => a.CreateAsync(new CreateRoomCommand("team", RoomKinds.Group, "alice", ["bob", "carol"])));

        seenAtIndex.ShouldBe([(true, 0)]);
        foreach (var user in new[] { "alice", "bob", "carol" })
            room.UserRooms.RoomsOf(user).ShouldBe([room.RoomId]);
    }

    [Fact]
    public async Task CreateAsync_Direct_BothUsersIndexed()
    {
        var room = RoomHarness.Create(RoomIds.ForDirect("alice", "bob"));

        await room.Call(a => a.CreateAsync(new CreateRoomCommand("", RoomKinds.Direct, "bob", ["alice"])));

        room.UserRooms.RoomsOf("alice").ShouldBe([room.RoomId]);
        room.UserRooms.RoomsOf("bob").ShouldBe([room.RoomId]);
    }

    [Fact]
    public async Task CreateAsync_IndexFailsThenRetried_RetryIndexesAndPublishes()
    {
        var room = RoomHarness.Create();
        var command = new CreateRoomCommand("team", RoomKinds.Group, "alice", ["bob"]);
        room.UserRooms.FailWith = new InvalidOperationException("user-rooms actor unreachable");

        await Should.ThrowAsync<InvalidOperationException>(room.Call(a => a.CreateAsync(command)));

        room.Publisher.Published.ShouldBeEmpty();
        room.UserRooms.FailWith = null;
        await room.Call(a => a.CreateAsync(command));
        room.UserRooms.RoomsOf("bob").ShouldBe([room.RoomId]);
        room.Publisher.OfType<RoomUpdatedIntegrationEvent>().Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddMembersAsync_NewMembers_IndexedBeforeMemberJoinedPublished()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var joinedAtIndex = -1;
        room.UserRooms.OnCall = () => joinedAtIndex = room.Publisher.OfType<MemberJoinedIntegrationEvent>().Count;

        await room.AddAsync(RoomHarness.Owner, "carol", "dave");

        joinedAtIndex.ShouldBe(0);
        room.UserRooms.RoomsOf("carol").ShouldBe([room.RoomId]);
        room.UserRooms.RoomsOf("dave").ShouldBe([room.RoomId]);
    }

    [Fact]
    public async Task AddMembersAsync_IndexFailsThenRetried_RetryHealsIndex()
    {
        var room = await RoomHarness.GroupAsync("bob");
        room.UserRooms.FailWith = new InvalidOperationException("user-rooms actor unreachable");

        await Should.ThrowAsync<InvalidOperationException>(room.AddAsync(RoomHarness.Owner, "carol"));

        room.Publisher.OfType<MemberJoinedIntegrationEvent>().ShouldBeEmpty();
        room.UserRooms.FailWith = null;
        await room.AddAsync(RoomHarness.Owner, "carol");
        room.UserRooms.RoomsOf("carol").ShouldBe([room.RoomId]);
    }

    [Fact]
    public async Task AddMembersAsync_Forbidden_IndexUntouched()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var callsBefore = room.UserRooms.Calls.Count;

        await room.AddAsync("bob", "carol").ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        room.UserRooms.Calls.Count.ShouldBe(callsBefore);
        room.UserRooms.RoomsOf("carol").ShouldBeEmpty();
    }

    [Fact]
    public async Task RemoveMemberAsync_Removed_UnindexedBeforeMemberLeftPublished()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        var leftAtIndex = -1;
        room.UserRooms.OnCall = () => leftAtIndex = room.Publisher.OfType<MemberLeftIntegrationEvent>().Count;

        await room.Call(a => a.RemoveMemberAsync(new RemoveMemberCommand(RoomHarness.Owner, "carol")));

        leftAtIndex.ShouldBe(0);
        room.UserRooms.RoomsOf("carol").ShouldBeEmpty();
        room.UserRooms.RoomsOf("bob").ShouldBe([room.RoomId]);
    }

    [Fact]
    public async Task LeaveAsync_Member_Unindexed()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.Call(a => a.LeaveAsync(new LeaveRoomCommand("bob")));

        room.UserRooms.RoomsOf("bob").ShouldBeEmpty();
        room.UserRooms.Calls[^1].ShouldBe($"remove:{room.RoomId}:bob");
    }

    [Fact]
    public async Task SendMessageAsync_Post_IndexUntouched()
    {
        var room = await RoomHarness.GroupAsync("bob");
        var callsBefore = room.UserRooms.Calls.Count;

        await room.SendAsync("bob", "c1");

        room.UserRooms.Calls.Count.ShouldBe(callsBefore);
    }
}
