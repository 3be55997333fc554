using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class MembershipTests
{
    [Theory]
    [InlineData(RoomHarness.Owner)]
    [InlineData("bob")]
    public async Task AddMembersAsync_ByOwnerOrAdmin_AddsPlainMembersAndPublishes(string manager)
    {
        var room = await RoomHarness.GroupAsync("bob");
        await room.PromoteAsync("bob");
        await room.SendAsync("bob", "c1");

        var updated = await room.AddAsync(manager, "carol", "dave", "carol", "bob");

        updated.Members.Select(m => (m.UserId, m.Role)).ShouldBe(
            [("alice", RoomRoles.Owner), ("bob", RoomRoles.Admin), ("carol", RoomRoles.Member), ("dave", RoomRoles.Member)]);
        var joined = room.Publisher.OfType<MemberJoinedIntegrationEvent>();
        joined.Select(j => j.UserId).ShouldBe(["carol", "dave"]);
        joined.ShouldAllBe(j => j.AddedBy == manager && j.AtSeq == 1 && j.RoomId == room.RoomId);
        joined.Select(j => j.EventId).Distinct().Count().ShouldBe(2);
        room.Publisher.Published.Last().Event.ShouldBeOfType<RoomUpdatedIntegrationEvent>().Room.Members.Count.ShouldBe(4);
        (await room.SendAsync("dave", "c2")).Ack.Seq.ShouldBe(2);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("mallory")]
    public async Task AddMembersAsync_ByPlainMemberOrStranger_Forbidden(string caller)
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.AddAsync(caller, "carol").ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        room.Publisher.OfType<MemberJoinedIntegrationEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task AddMembersAsync_BeyondMaxMembers_Invalid()
    {
        var room = RoomHarness.Create(options: new Rooms.RoomsOptions { MaxMembers = 3 });
        await room.Call(a => a.CreateAsync(new CreateRoomCommand("team", RoomKinds.Group, RoomHarness.Owner, ["bob"])));

        await room.AddAsync(RoomHarness.Owner, "carol", "dave").ShouldFailWithAsync(ChatErrorCodes.Invalid);
        (await room.AddAsync(RoomHarness.Owner, "carol")).Members.Count.ShouldBe(3);
    }

    [Fact]
    public async Task AddMembersAsync_AllAlreadyMembers_NoNewVersionButRoomRepublished()
    {
        var room = await RoomHarness.GroupAsync("bob");
        await room.AddAsync(RoomHarness.Owner, "carol");

        await room.AddAsync(RoomHarness.Owner, "carol");

        room.Publisher.OfType<MemberJoinedIntegrationEvent>().Count.ShouldBe(1);
        var updates = room.Publisher.OfType<RoomUpdatedIntegrationEvent>();
        updates[^1].EventId.ShouldBe(updates[^2].EventId);
        updates[^1].Version.ShouldBe(updates[^2].Version);
    }

    [Fact]
    public async Task RemoveMemberAsync_AdminRemovesMember_RemovedAndMemberLeftAtCurrentSeq()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        await room.PromoteAsync("bob");
        await room.SendAsync("carol", "c1");

        var updated = await Remove(room, "bob", "carol");

        updated.Members.Select(m => m.UserId).ShouldBe(["alice", "bob"]);
        var left = room.Publisher.OfType<MemberLeftIntegrationEvent>().Single();
        left.ShouldBe(left with { UserId = "carol", RemovedBy = "bob", AtSeq = 1, RoomId = room.RoomId });
        room.Publisher.OfType<RoomUpdatedIntegrationEvent>().Last().Room.Members.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RemoveMemberAsync_Invariant6_RemovedMemberNotInLaterEventRecipients()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");

        await Remove(room, RoomHarness.Owner, "carol");
        await room.SendAsync("bob", "after-removal");

        room.Publisher.OfType<MessagePostedIntegrationEvent>().Single().MemberIds.ShouldBe(["alice", "bob"]);
    }

    [Fact]
    public async Task RemoveMemberAsync_OwnerRemovesAdmin_Removed()
    {
        var room = await RoomHarness.GroupAsync("bob");
        await room.PromoteAsync("bob");

        (await Remove(room, RoomHarness.Owner, "bob")).Members.Count.ShouldBe(1);
    }

    public static TheoryData<string, string, string> ForbiddenRemovals => new()
    {
        { "admin removes admin", "bob", "dave" },
        { "admin removes owner", "bob", RoomHarness.Owner },
        { "member removes member", "carol", "erin" },
        { "member removes owner", "carol", RoomHarness.Owner },
        { "stranger removes member", "mallory", "carol" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenRemovals))]
    public async Task RemoveMemberAsync_NotAllowed_Forbidden(string because, string actor, string target)
    {
        var room = await RoomHarness.GroupAsync("bob", "carol", "dave", "erin");
        await room.PromoteAsync("bob");
        await room.PromoteAsync("dave");

        await Remove(room, actor, target).ShouldFailWithAsync(ChatErrorCodes.Forbidden);

        room.Publisher.OfType<MemberLeftIntegrationEvent>().ShouldBeEmpty(because);
    }

    [Fact]
    public async Task RemoveMemberAsync_MemberRemovesSelf_Leaves()
    {
        var room = await RoomHarness.GroupAsync("bob");

        var updated = await Remove(room, "bob", "bob");

        updated.Members.Select(m => m.UserId).ShouldBe(["alice"]);
        room.Publisher.OfType<MemberLeftIntegrationEvent>().Single().RemovedBy.ShouldBe("bob");
    }

    [Fact]
    public async Task RemoveMemberAsync_NonMemberTarget_NoChange()
    {
        var room = await RoomHarness.GroupAsync("bob");

        var updated = await Remove(room, RoomHarness.Owner, "nobody");

        updated.Members.Count.ShouldBe(2);
        room.Publisher.OfType<MemberLeftIntegrationEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task LeaveAsync_Owner_EarliestAdminBecomesOwner()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol", "dave");
        await room.PromoteAsync("dave");
        await room.PromoteAsync("carol");

        await room.Call(a => a.LeaveAsync(new LeaveRoomCommand(RoomHarness.Owner)));

        var after = await room.Call(a => a.GetRoomAsync());
        after.Members.Select(m => (m.UserId, m.Role)).ShouldBe(
            [("bob", RoomRoles.Member), ("carol", RoomRoles.Owner), ("dave", RoomRoles.Admin)]);
        (await room.AddAsync("carol", "erin")).Members.Count.ShouldBe(4);
    }

    [Fact]
    public async Task LeaveAsync_OwnerWithoutAdmins_EarliestMemberBecomesOwner()
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");

        await room.Call(a => a.LeaveAsync(new LeaveRoomCommand(RoomHarness.Owner)));

        (await room.Call(a => a.GetRoomAsync())).Members[0].ShouldBe(new RoomMember("bob", RoomRoles.Owner));
    }

    [Fact]
    public async Task LeaveAsync_NotMember_NoChange()
    {
        var room = await RoomHarness.GroupAsync("bob");

        await room.Call(a => a.LeaveAsync(new LeaveRoomCommand("nobody")));

        room.Publisher.OfType<MemberLeftIntegrationEvent>().ShouldBeEmpty();
        (await room.Call(a => a.GetRoomAsync())).Members.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SetRoleAsync_OwnerPromotesAndDemotes_RoleChanges()
    {
        var room = await RoomHarness.GroupAsync("bob");

        (await room.PromoteAsync("bob")).Members[1].Role.ShouldBe(RoomRoles.Admin);
        var demoted = await room.Call(a => a.SetRoleAsync(new SetRoleCommand(RoomHarness.Owner, "bob", RoomRoles.Member)));

        demoted.Members[1].Role.ShouldBe(RoomRoles.Member);
        room.Publisher.OfType<RoomUpdatedIntegrationEvent>().Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
    }

    public static TheoryData<string, SetRoleCommand, string> BadRoleChanges => new()
    {
        { "admin promotes", new("bob", "carol", RoomRoles.Admin), ChatErrorCodes.Forbidden },
        { "member promotes self", new("carol", "carol", RoomRoles.Admin), ChatErrorCodes.Forbidden },
        { "owner demotes self", new(RoomHarness.Owner, RoomHarness.Owner, RoomRoles.Member), ChatErrorCodes.Forbidden },
        { "second owner", new(RoomHarness.Owner, "carol", RoomRoles.Owner), ChatErrorCodes.Invalid },
        { "stranger target", new(RoomHarness.Owner, "nobody", RoomRoles.Admin), ChatErrorCodes.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadRoleChanges))]
    public async Task SetRoleAsync_NotAllowed_Fails(string because, SetRoleCommand command, string code)
    {
        var room = await RoomHarness.GroupAsync("bob", "carol");
        await room.PromoteAsync("bob");

        var error = await room.Call(a => a.SetRoleAsync(command)).ShouldFailWithAsync(code);

        error.Detail.ShouldNotBeNullOrWhiteSpace(because);
    }

    private static Task<Room> Remove(RoomHarness room, string actor, string target) =>
        room.Call(a => a.RemoveMemberAsync(new RemoveMemberCommand(actor, target)));
}
