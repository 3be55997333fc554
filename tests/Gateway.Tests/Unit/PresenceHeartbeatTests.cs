using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class PresenceHeartbeatTests
{
    [Fact]
    public async Task Beat_LocalUsers_EachPresenceActorGetsThisInstancesConnections()
    {
        var membership = new LocalMembership();
        membership.AddConnection("alice", "a1");
        membership.AddConnection("alice", "a2");
        membership.AddConnection("bob", "b1");
        var actors = new RecordingPresence();
        var instance = new GatewayInstance(new ConfigurationBuilder().AddInMemoryCollection([new("Gateway:InstanceId", "gw-7")]).Build());
        var heartbeat = new PresenceHeartbeat(membership, actors, instance, Options.Create(new HeartbeatOptions()), NullLogger<PresenceHeartbeat>.Instance);

        await heartbeat.BeatAsync(TestContext.Current.CancellationToken);

        actors.Beats.Keys.ShouldBe(["alice", "bob"], ignoreOrder: true);
        actors.Beats["alice"].GatewayInstanceId.ShouldBe("gw-7");
        actors.Beats["alice"].ConnectionIds.ShouldBe(["a1", "a2"], ignoreOrder: true);
        actors.Beats["bob"].ConnectionIds.ShouldBe(["b1"]);
    }

    [Fact]
    public void Instance_NotConfigured_UniquePerProcessStart()
    {
        var empty = new ConfigurationBuilder().Build();

        new GatewayInstance(empty).Id.ShouldNotBe(new GatewayInstance(empty).Id);
    }

    private sealed class RecordingPresence : IChatActors
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, HeartbeatCommand> Beats { get; } = new();

        public IRoomActor Room(string roomId) => throw new NotSupportedException();

        public IUserRoomsActor UserRooms(string userId) => throw new NotSupportedException();

        public IPresenceActor Presence(string userId) => new Actor(userId, Beats);

        private sealed class Actor(string userId, System.Collections.Concurrent.ConcurrentDictionary<string, HeartbeatCommand> beats) : IPresenceActor
        {
            public Task<PresenceInfo> HeartbeatAsync(HeartbeatCommand command)
            {
                beats[userId] = command;
                return Task.FromResult(new PresenceInfo(userId, PresenceStatuses.Online, null));
            }

            public Task<PresenceInfo> ConnectAsync(ConnectCommand command) => throw new NotSupportedException();
            public Task<PresenceInfo> DisconnectAsync(DisconnectCommand command) => throw new NotSupportedException();
            public Task<PresenceInfo> SetStatusAsync(SetStatusCommand command) => throw new NotSupportedException();
            public Task<PresenceInfo> GetPresenceAsync() => throw new NotSupportedException();
            public Task<IReadOnlyList<PresenceConnection>> GetConnectionsAsync() => throw new NotSupportedException();
        }
    }
}
