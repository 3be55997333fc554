using System.Text.RegularExpressions;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Names;
using Shouldly;

namespace ChatDapr.Rooms.Tests.Contracts;

public sealed partial class NamesTests
{
    [Fact]
    public void Topic_EachIntegrationEvent_BoundToItsOwnKebabCaseTopic()
    {
        string[] topics =
        [
            MessagePostedIntegrationEvent.Topic, MessageEditedIntegrationEvent.Topic, MessageDeletedIntegrationEvent.Topic,
            MemberJoinedIntegrationEvent.Topic, MemberLeftIntegrationEvent.Topic, RoomUpdatedIntegrationEvent.Topic,
            ReadMarkerUpdatedIntegrationEvent.Topic, PresenceChangedIntegrationEvent.Topic, TypingStartedIntegrationEvent.Topic,
        ];

        topics.Distinct().Count().ShouldBe(topics.Length);
        topics.ShouldAllBe(t => KebabCase().IsMatch(t));
        MessagePostedIntegrationEvent.Topic.ShouldBe("message-posted");
        MemberJoinedIntegrationEvent.Topic.ShouldBe("member-joined");
    }

    [Fact]
    public void Names_DaprNames_MatchDesign()
    {
        string[] appIds = [AppIds.Gateway, AppIds.Rooms, AppIds.Messages, AppIds.Presence, AppIds.Notifications];

        appIds.ShouldBe(["gateway", "rooms", "messages", "presence", "notifications"]);
        DaprComponents.PubSub.ShouldBe("chat-pubsub");
        DaprComponents.StateStore.ShouldBe("chat-statestore");
        (ActorTypes.RoomActor, ActorTypes.PresenceActor).ShouldBe(("RoomActor", "PresenceActor"));
        HubRoutes.Chat.ShouldBe("/hubs/chat");
    }

    [Fact]
    public void HubGroups_RoomAndUser_PrefixedNames()
    {
        HubGroups.Room("r1").ShouldBe("room:r1");
        HubGroups.User("u1").ShouldBe("user:u1");
    }

    [Fact]
    public void ForDirect_EitherOrder_SameIdDistinctPerPair()
    {
        RoomIds.ForDirect("alice", "bob").ShouldBe(RoomIds.ForDirect("bob", "alice"));
        RoomIds.ForDirect("alice", "bob").ShouldStartWith(RoomIds.DirectPrefix);
        RoomIds.ForDirect("alice", "bob").ShouldNotBe(RoomIds.ForDirect("alice", "carol"));
        RoomIds.ForDirect("ab", "c").ShouldNotBe(RoomIds.ForDirect("a", "bc"));
        RoomIds.NewGroup().ShouldNotBe(RoomIds.NewGroup());
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)+$")]
    private static partial Regex KebabCase();
}
