using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class CreateRoomTests
{
    [Fact]
    public async Task CreateAsync_Group_CallerOwnerOthersMembersPersistedThenPublished()
    {
        var harness = RoomHarness.Create();
        var persistedAtPublish = false;
        harness.Publisher.OnPublish = _ => persistedAtPublish = harness.State.IsCommitted(StateKeys.Room);

        var room = await Create(harness, new CreateRoomCommand(" Team ", RoomKinds.Group, "alice", ["bob", "carol", "bob", "alice"]));

        room.ShouldSatisfyAllConditions(
            r => r.RoomId.ShouldBe(harness.RoomId),
            r => r.Name.ShouldBe("Team"),
            r => r.Kind.ShouldBe(RoomKinds.Group),
            r => r.LastSeq.ShouldBe(0),
            r => r.Members.ShouldBe([new("alice", RoomRoles.Owner), new("bob", RoomRoles.Member), new("carol", RoomRoles.Member)]));
        persistedAtPublish.ShouldBeTrue();
        var updated = harness.Publisher.OfType<RoomUpdatedIntegrationEvent>().Single();
        updated.Room.Members.Count.ShouldBe(3);
        updated.Version.ShouldBe(1);
        (await harness.Call(a => a.GetRoomAsync())).Members.ShouldBe(room.Members);
    }

    [Fact]
    public async Task CreateAsync_SameGroupAgain_ReturnsRoomAndRepublishesSameEvent()
    {
        var harness = RoomHarness.Create();
        var command = new CreateRoomCommand("Team", RoomKinds.Group, "alice", ["bob", "carol"]);
        var first = await Create(harness, command);
        await harness.SendAsync("bob", "c1");

        var again = await Create(harness, command with { Members = ["carol", "bob"] });

        again.Members.ShouldBe(first.Members);
        again.LastSeq.ShouldBe(1);
        var events = harness.Publisher.OfType<RoomUpdatedIntegrationEvent>();
        events.Count.ShouldBe(2);
        events[1].EventId.ShouldBe(events[0].EventId);
    }

    public static TheoryData<string, CreateRoomCommand> Conflicting => new()
    {
        { "other name", new("Other", RoomKinds.Group, "alice", ["bob"]) },
        { "other owner", new("Team", RoomKinds.Group, "bob", ["alice"]) },
        { "other members", new("Team", RoomKinds.Group, "alice", ["bob", "carol"]) },
    };

    [Theory]
    [MemberData(nameof(Conflicting))]
    public async Task CreateAsync_ExistingRoomWithOtherSettings_Conflict(string because, CreateRoomCommand command)
    {
        var harness = RoomHarness.Create();
        await Create(harness, new CreateRoomCommand("Team", RoomKinds.Group, "alice", ["bob"]));

        var error = await Create(harness, command).ShouldFailWithAsync(ChatErrorCodes.Conflict);

        error.Message.ShouldStartWith("conflict: ", customMessage: because);
    }

    [Fact]
    public async Task CreateAsync_DirectRoomFromEitherSide_SameRoom()
    {
        var harness = RoomHarness.Create(RoomIds.ForDirect("alice", "bob"));

        var fromAlice = await Create(harness, new CreateRoomCommand("", RoomKinds.Direct, "alice", ["bob"]));
        var fromBob = await Create(harness, new CreateRoomCommand("chat with alice", RoomKinds.Direct, "bob", ["alice"]));

        fromBob.ShouldSatisfyAllConditions(
            r => r.RoomId.ShouldBe(fromAlice.RoomId),
            r => r.Kind.ShouldBe(RoomKinds.Direct),
            r => r.Members.Select(m => m.UserId).ShouldBe(["alice", "bob"]));
    }

    public static TheoryData<string, string[]> BadDirectMembers => new()
    {
        { "nobody", [] },
        { "two others", ["bob", "carol"] },
        { "only self", ["alice"] },
        { "the other twice", ["bob", "bob"] },
    };

    [Theory]
    [MemberData(nameof(BadDirectMembers))]
    public async Task CreateAsync_DirectRoomWithoutExactlyOneOther_Invalid(string because, string[] members)
    {
        var harness = RoomHarness.Create(RoomIds.ForDirect("alice", "bob"));

        await Create(harness, new CreateRoomCommand("", RoomKinds.Direct, "alice", members))
            .ShouldFailWithAsync(ChatErrorCodes.Invalid);

        harness.State.IsCommitted(StateKeys.Room).ShouldBeFalse(because);
    }

    [Fact]
    public async Task CreateAsync_DirectRoomUnderForeignId_Invalid()
    {
        var harness = RoomHarness.Create("some-other-id");

        await Create(harness, new CreateRoomCommand("", RoomKinds.Direct, "alice", ["bob"]))
            .ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task CreateAsync_GroupUnderDirectRoomId_Invalid()
    {
        var harness = RoomHarness.Create(RoomIds.ForDirect("alice", "bob"));

        await Create(harness, new CreateRoomCommand("squat", RoomKinds.Group, "mallory", ["alice"]))
            .ShouldFailWithAsync(ChatErrorCodes.Invalid);
        (await Create(harness, new CreateRoomCommand("", RoomKinds.Direct, "bob", ["alice"]))).Kind.ShouldBe(RoomKinds.Direct);
    }

    [Fact]
    public async Task AddMembersAsync_DirectRoom_Invalid()
    {
        var harness = RoomHarness.Create(RoomIds.ForDirect("alice", "bob"));
        await Create(harness, new CreateRoomCommand("", RoomKinds.Direct, "alice", ["bob"]));

        await harness.AddAsync("alice", "carol").ShouldFailWithAsync(ChatErrorCodes.Invalid);
        await harness.Call(a => a.LeaveAsync(new LeaveRoomCommand("bob"))).ShouldFailWithAsync(ChatErrorCodes.Invalid);
    }

    public static TheoryData<string, CreateRoomCommand> InvalidGroups => new()
    {
        { "no name", new("  ", RoomKinds.Group, "alice", ["bob"]) },
        { "name too long", new(new string('n', 101), RoomKinds.Group, "alice", []) },
        { "unknown kind", new("Team", "channel", "alice", []) },
        { "no owner", new("Team", RoomKinds.Group, " ", []) },
        { "blank member", new("Team", RoomKinds.Group, "alice", ["bob", ""]) },
        { "too many members", new("Team", RoomKinds.Group, "alice", ["b", "c", "d"]) },
    };

    [Theory]
    [MemberData(nameof(InvalidGroups))]
    public async Task CreateAsync_InvalidGroup_Invalid(string because, CreateRoomCommand command)
    {
        var harness = RoomHarness.Create(options: new RoomsOptions { MaxMembers = 3 });

        await Create(harness, command).ShouldFailWithAsync(ChatErrorCodes.Invalid);

        harness.Publisher.Published.ShouldBeEmpty(because);
    }

    [Fact]
    public async Task GetRoomAsync_BeforeCreate_NotFound()
    {
        var harness = RoomHarness.Create();

        await harness.Call(a => a.GetRoomAsync()).ShouldFailWithAsync(ChatErrorCodes.NotFound);
    }

    private static Task<Room> Create(RoomHarness harness, CreateRoomCommand command) =>
        harness.Call(a => a.CreateAsync(command));
}
