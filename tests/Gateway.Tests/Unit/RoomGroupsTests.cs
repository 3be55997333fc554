using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class RoomGroupsTests
{
    [Fact]
    public async Task JoinAsync_ConnectedUser_InTheGroupBeforeTrackedSoAnEventMeanwhileStillReachesIt()
    {
        var membership = new LocalMembership();
        membership.AddConnection("u1", "c1");
        var groups = new RecordingGroups();
        // What a message event handled at the moment of each group add would be sent to.
        groups.OnAdd = (connectionId, group) => groups.AudienceAtAdd.Add(membership.AudienceOf("r1", ["u1"]));

        await new RoomGroups(membership, new HubContext(groups)).JoinAsync("r1", "u1");

        groups.Added.ShouldBe([("c1", HubGroups.Room("r1"))]);
        groups.AudienceAtAdd.Single().ExtraUserGroups.ShouldBe([HubGroups.User("u1")], "not tracked yet: the user group reaches it too");
        membership.UsersIn("r1").ShouldBe(["u1"]);
        membership.AudienceOf("r1", ["u1"]).ExtraUserGroups.ShouldBeEmpty("once tracked, the room group alone reaches it");
    }

    [Fact]
    public async Task JoinAsync_UserNotConnectedHere_NoGroupChangeAndNotTracked()
    {
        var membership = new LocalMembership();
        var groups = new RecordingGroups();

        await new RoomGroups(membership, new HubContext(groups)).JoinAsync("r1", "u1");

        groups.Added.ShouldBeEmpty();
        membership.UsersIn("r1").ShouldBeEmpty();
    }

    private sealed class RecordingGroups : IGroupManager
    {
        public List<(string ConnectionId, string Group)> Added { get; } = [];
        public List<MessageAudience> AudienceAtAdd { get; } = [];
        public Action<string, string>? OnAdd { get; set; }

        public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
        {
            OnAdd?.Invoke(connectionId, groupName);
            Added.Add((connectionId, groupName));
            return Task.CompletedTask;
        }

        public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }

    private sealed class HubContext(IGroupManager groups) : IHubContext<ChatHub, IChatClient>
    {
        public IHubClients<IChatClient> Clients => throw new NotSupportedException("RoomGroups only manages groups");
        public IGroupManager Groups => groups;
    }
}
