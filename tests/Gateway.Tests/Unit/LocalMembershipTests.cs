using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Connections;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class LocalMembershipTests
{
    private readonly LocalMembership membership = new();

    [Fact]
    public void Join_ConnectedUser_ReturnsAllTheirConnections()
    {
        membership.AddConnection("alice", "c1");
        membership.AddConnection("alice", "c2");

        membership.Join("r1", "alice").ShouldBe(["c1", "c2"], ignoreOrder: true);
        membership.UsersIn("r1").ShouldBe(["alice"]);
    }

    [Fact]
    public void Join_UserNotConnectedHere_Nothing()
    {
        membership.Join("r1", "ghost").ShouldBeEmpty();
        membership.UsersIn("r1").ShouldBeEmpty();
    }

    [Fact]
    public void RemoveConnection_LastOne_UserLeavesEveryRoom()
    {
        membership.AddConnection("alice", "c1");
        membership.AddConnection("alice", "c2");
        membership.Join("r1", "alice");

        membership.RemoveConnection("alice", "c1");
        membership.UsersIn("r1").ShouldBe(["alice"]);
        membership.RemoveConnection("alice", "c2");

        membership.UsersIn("r1").ShouldBeEmpty();
        membership.IsConnected("alice").ShouldBeFalse();
        membership.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public void AudienceOf_EventMembers_ExcludesNonMembersAndReachesUntrackedMembers()
    {
        foreach (var (user, connection) in new[] { ("alice", "a1"), ("bob", "b1"), ("carol", "c1"), ("dave", "d1") })
            membership.AddConnection(user, connection);
        membership.Join("r1", "alice");
        membership.Join("r1", "carol");

        // carol was removed before this message; bob is a member whose room-updated has not arrived; dave is no member.
        var audience = membership.AudienceOf("r1", ["alice", "bob", "erin"]);

        audience.RoomGroup.ShouldBe(HubGroups.Room("r1"));
        audience.ExcludedConnections.ShouldBe(["c1"]);
        audience.ExtraUserGroups.ShouldBe([HubGroups.User("bob")]);
    }

    [Fact]
    public void IsStale_VersionsOfARoomWithLocalUsers_OlderOrEqualIgnored()
    {
        membership.AddConnection("alice", "a1");
        membership.Join("r1", "alice");
        membership.RecordVersion("r1", 5);

        membership.IsStale("r1", 4).ShouldBeTrue();
        membership.IsStale("r1", 5).ShouldBeTrue();
        membership.IsStale("r1", 6).ShouldBeFalse();
        membership.IsStale("elsewhere", 1).ShouldBeFalse();
    }

    [Fact]
    public void Leave_TrackedUser_ReturnsConnectionsToRemove()
    {
        membership.AddConnection("alice", "a1");
        membership.Join("r1", "alice");

        membership.Leave("r1", "alice").ShouldBe(["a1"]);
        membership.UsersIn("r1").ShouldBeEmpty();
    }
}
