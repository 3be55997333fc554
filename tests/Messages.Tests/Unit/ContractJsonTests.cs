using System.Text.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using Shouldly;

namespace ChatDapr.Messages.Tests.Unit;

// The gateway and the messages app agree on these shapes only through JSON, so the names are pinned here.
public sealed class ContractJsonTests
{
    public static TheoryData<object, string[]> Shapes => new()
    {
        { new HistoryQuery("r1", 7, 50, 9), ["roomId", "beforeSeq", "limit", "lastSeq"] },
        { new HistoryQuery("r1", null, 50, 9), ["roomId", "limit", "lastSeq"] },
        { new SyncQuery([], 50), ["rooms", "limit"] },
        { new SyncRoomQuery("r1", 3, 9), ["roomId", "afterSeq", "lastSeq"] },
        { new ReadMarkerUpdate("r1", "bob", 3, 9), ["roomId", "userId", "seq", "lastSeq"] },
        { new ReadMarker("r1", "bob", 3), ["roomId", "userId", "seq"] },
        { new ReadStateQuery("bob", ["r1"]), ["userId", "roomIds"] },
        { new RoomReadState("r1", 3), ["roomId", "readSeq"] },
        { new RoomReadMarkersQuery("r1", ["bob"]), ["roomId", "userIds"] },
        { new MemberReadMarker("bob", 3), ["userId", "readSeq"] },
        { new HistoryPage([], false), ["messages", "hasMore"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Serialize_MessagesApiDtos_CamelCaseNamesNullsOmitted(object dto, string[] names)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(dto, dto.GetType(), ChatJson.Options));

        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(names);
    }

    [Fact]
    public void Deserialize_PostedEventWithoutVersion_VersionOne()
    {
        var json = """{"eventId":"r1/seq/1","message":{"roomId":"r1","messageId":"m1","seq":1,"senderId":"bob","text":"hi","sentAt":"2026-03-01T09:00:00+00:00"},"memberIds":["bob"]}""";

        JsonSerializer.Deserialize<MessagePostedIntegrationEvent>(json, ChatJson.Options)!.Version.ShouldBe(1);
    }

    [Fact]
    public void Serialize_DeletedEvent_CarriesSeqVersionAndTombstone()
    {
        var tombstone = new Message("r1", "m1", 4, "bob", "", DateTimeOffset.UnixEpoch, Deleted: true);
        var deleted = new MessageDeletedIntegrationEvent(EventIds.ForMessageVersion("r1", "m1", 2), "r1", 4, "m1", tombstone, 2, "bob", ["bob"]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(deleted, ChatJson.Options));

        json.RootElement.GetProperty("eventId").GetString().ShouldBe("r1/m1/v2");
        json.RootElement.GetProperty("seq").GetInt64().ShouldBe(4);
        json.RootElement.GetProperty("version").GetInt64().ShouldBe(2);
        json.RootElement.GetProperty("message").GetProperty("deleted").GetBoolean().ShouldBeTrue();
    }
}
