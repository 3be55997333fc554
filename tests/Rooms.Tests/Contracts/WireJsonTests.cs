using System.Text.Json;
using System.Text.Json.Nodes;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Rooms.Tests.Contracts;

// The client wire contract names are binding: these tests pin the JSON field names of the DTOs.
public sealed class WireJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_MessageWithoutOptionals_OnlyRequiredCamelCaseFields()
    {
        var keys = Keys(new Message("r1", "m1", 7, "bob", "hi", At));

        keys.ShouldBe(["roomId", "messageId", "seq", "senderId", "text", "sentAt"]);
    }

    [Fact]
    public void Serialize_MessageWithOptionals_OptionalFieldsPresent()
    {
        var message = new Message("r1", "m1", 7, "bob", "", At, At, true, "m0", [new Attachment("a1", "x.png", "image/png", 3)]);

        Keys(message).ShouldBe(["roomId", "messageId", "seq", "senderId", "text", "sentAt", "editedAt", "deleted", "replyTo", "attachments"]);
        JsonSerializer.Deserialize<Message>(JsonSerializer.Serialize(message, ChatJson.Options), ChatJson.Options)!
            .Attachments.ShouldNotBeNull().Single().ShouldBe(message.Attachments![0]);
    }

    [Fact]
    public void Serialize_Room_MembersWithUserIdAndRole()
    {
        var json = JsonSerializer.SerializeToNode(new Room("r1", "Team", RoomKinds.Group, [new("alice", RoomRoles.Owner)], 3), ChatJson.Options)!;

        json.AsObject().Select(p => p.Key).ShouldBe(["roomId", "name", "kind", "members", "lastSeq"]);
        json["members"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["userId", "role"]);
        json["kind"]!.GetValue<string>().ShouldBe("group");
    }

    public static TheoryData<object, string[]> Shapes => new()
    {
        { new SendAck("r1", "m1", 1, At), ["roomId", "messageId", "seq", "sentAt"] },
        { new SendMessageRequest("r1", "c1", "hi"), ["roomId", "clientMessageId", "text"] },
        { new CreateRoomRequest("Team", RoomKinds.Direct, ["bob"]), ["name", "kind", "members"] },
        { new RoomSummary("r1", "Team", RoomKinds.Group, 9, 4, 5), ["roomId", "name", "kind", "lastSeq", "readSeq", "unread"] },
        { new HistoryPage([], true), ["messages", "hasMore"] },
        { new SyncRequest("r1", 4), ["roomId", "afterSeq"] },
        { new SyncResult("r1", [], false), ["roomId", "messages", "hasMore"] },
        { new ReadReceipt("r1", "bob", 4), ["roomId", "userId", "seq"] },
        { new TypingStarted("r1", "bob"), ["roomId", "userId"] },
        { new MemberEvent("r1", "bob"), ["roomId", "userId"] },
        { new MessageDeletedEvent("r1", "m1", 3), ["roomId", "messageId", "seq"] },
        { new PresenceInfo("bob", PresenceStatuses.Online, At), ["userId", "status", "lastSeen"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Serialize_WireDto_FieldNamesMatchContract(object dto, string[] expected)
    {
        Keys(dto).ShouldBe(expected);
    }

    [Fact]
    public void RoundTrip_MessagePostedIntegrationEvent_KeepsMessageAndMembers()
    {
        var posted = new MessagePostedIntegrationEvent("r1/seq/1", new Message("r1", "m1", 1, "bob", "hi", At), ["alice", "bob"]);

        var back = JsonSerializer.Deserialize<MessagePostedIntegrationEvent>(JsonSerializer.Serialize(posted, ChatJson.Options), ChatJson.Options)!;

        back.Message.ShouldBe(posted.Message);
        back.MemberIds.ShouldBe(["alice", "bob"]);
        back.EventId.ShouldBe("r1/seq/1");
    }

    private static List<string> Keys(object dto) =>
        JsonSerializer.SerializeToNode(dto, dto.GetType(), ChatJson.Options)!.AsObject().Select(p => p.Key).ToList();
}
