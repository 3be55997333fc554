using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Wire;
using MessagePack;
using MessagePack.Resolvers;
using Shouldly;

namespace ChatDapr.Rooms.Tests.Contracts;

// Clients may speak MessagePack to the hub: the wire DTOs must carry the same field names there as in JSON.
public sealed class WireMessagePackTests
{
    // SignalR's MessagePack protocol resolves contract types the same way (contractless standard resolver chain).
    private static readonly MessagePackSerializerOptions Pack =
        MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance);

    private static readonly JsonSerializerOptions JsonWithNulls =
        new(ChatJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<object> Dtos => new()
    {
        new Message("r1", "m1", 7, "bob", "hi", At, At, true, "m0", [new Attachment("a1", "x.png", "image/png", 3, "http://x")]),
        new Room("r1", "Team", RoomKinds.Group, [new RoomMember("alice", RoomRoles.Owner)], 3),
        new SendMessageRequest("r1", "c1", "hi"),
        new SendAck("r1", "m1", 1, At),
        new CreateRoomRequest("Team", RoomKinds.Direct, ["bob"]),
        new RoomSummary("r1", "Team", RoomKinds.Group, 9, 4, 5),
        new HistoryPage([], true),
        new SyncRequest("r1", 4),
        new SyncResult("r1", [], false),
        new ReadReceipt("r1", "bob", 4),
        new TypingStarted("r1", "bob"),
        new MemberEvent("r1", "bob"),
        new MessageDeletedEvent("r1", "m1", 3),
        new PresenceInfo("bob", PresenceStatuses.Online, At),
    };

    [Theory]
    [MemberData(nameof(Dtos))]
    public void Serialize_WireDto_MessagePackKeysEqualJsonNames(object dto)
    {
        var packed = MessagePackSerializer.Serialize(dto.GetType(), dto, Pack, TestContext.Current.CancellationToken);
        var packKeys = JsonNode.Parse(MessagePackSerializer.ConvertToJson(packed, Pack, TestContext.Current.CancellationToken))!
            .AsObject().Select(p => p.Key);

        var jsonKeys = JsonSerializer.SerializeToNode(dto, dto.GetType(), JsonWithNulls)!.AsObject().Select(p => p.Key);

        packKeys.ShouldBe(jsonKeys);
    }

    [Fact]
    public void RoundTrip_MessageThroughMessagePack_Equal()
    {
        var message = new Message("r1", "m1", 7, "bob", "hi", At, ReplyTo: "m0");

        var ct = TestContext.Current.CancellationToken;
        var back = MessagePackSerializer.Deserialize<Message>(MessagePackSerializer.Serialize(message, Pack, ct), Pack, ct);

        back.ShouldBe(message);
    }
}
