using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Messages.Apis;
using Shouldly;

namespace ChatDapr.Messages.Tests.Unit;

public sealed class QueryRulesTests
{
    public static TheoryData<string, HistoryQuery?> BadHistory => new()
    {
        { "missing", null },
        { "no room", new HistoryQuery("", null, 10, 0) },
        { "limit 0", new HistoryQuery("r1", null, 0, 0) },
        { "limit 201", new HistoryQuery("r1", null, MessagesLimits.MaxPageSize + 1, 0) },
        { "negative lastSeq", new HistoryQuery("r1", null, 10, -1) },
        { "beforeSeq 0", new HistoryQuery("r1", 0, 10, 5) },
    };

    [Theory]
    [MemberData(nameof(BadHistory))]
    public void Validate_BadHistoryQuery_Invalid(string because, HistoryQuery? query)
    {
        Should.Throw<ChatError>(() => QueryRules.Validate(query)).Code.ShouldBe(ChatErrorCodes.Invalid, because);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(MessagesLimits.MaxPageSize)]
    public void Validate_LimitAtBounds_Accepted(int limit)
    {
        QueryRules.Validate(new HistoryQuery("r1", 1, limit, 0)).Limit.ShouldBe(limit);
    }

    public static TheoryData<string, SyncQuery?> BadSync => new()
    {
        { "missing", null },
        { "no rooms list", new SyncQuery(null!, 10) },
        { "limit 0", new SyncQuery([], 0) },
        { "null room", new SyncQuery([null!], 10) },
        { "no room id", new SyncQuery([new(" ", 0, 0)], 10) },
        { "negative afterSeq", new SyncQuery([new("r1", -1, 0)], 10) },
        { "too many rooms", new SyncQuery(Enumerable.Range(0, MessagesLimits.MaxSyncRooms + 1).Select(i => new SyncRoomQuery($"r{i}", 0, 0)).ToList(), 10) },
    };

    [Theory]
    [MemberData(nameof(BadSync))]
    public void Validate_BadSyncQuery_Invalid(string because, SyncQuery? query)
    {
        Should.Throw<ChatError>(() => QueryRules.Validate(query)).Code.ShouldBe(ChatErrorCodes.Invalid, because);
    }

    public static TheoryData<string, ReadMarkerUpdate?> BadMarkers => new()
    {
        { "missing", null },
        { "no room", new ReadMarkerUpdate("", "bob", 1, 1) },
        { "no user", new ReadMarkerUpdate("r1", "", 1, 1) },
        { "negative seq", new ReadMarkerUpdate("r1", "bob", -1, 1) },
        { "negative lastSeq", new ReadMarkerUpdate("r1", "bob", 1, -1) },
    };

    [Theory]
    [MemberData(nameof(BadMarkers))]
    public void Validate_BadReadMarker_Invalid(string because, ReadMarkerUpdate? update)
    {
        Should.Throw<ChatError>(() => QueryRules.Validate(update)).Code.ShouldBe(ChatErrorCodes.Invalid, because);
    }

    public static TheoryData<string, ReadStateQuery?> BadReadState => new()
    {
        { "missing", null },
        { "no user", new ReadStateQuery("", ["r1"]) },
        { "no room list", new ReadStateQuery("bob", null!) },
        { "blank room", new ReadStateQuery("bob", [""]) },
        { "too many rooms", new ReadStateQuery("bob", Enumerable.Range(0, MessagesLimits.MaxReadStateRooms + 1).Select(i => $"r{i}").ToList()) },
    };

    [Theory]
    [MemberData(nameof(BadReadState))]
    public void Validate_BadReadState_Invalid(string because, ReadStateQuery? query)
    {
        Should.Throw<ChatError>(() => QueryRules.Validate(query)).Code.ShouldBe(ChatErrorCodes.Invalid, because);
    }

    public static TheoryData<string, RoomReadMarkersQuery?> BadRoomReadMarkers => new()
    {
        { "missing", null },
        { "no room", new RoomReadMarkersQuery(" ", ["bob"]) },
        { "no user list", new RoomReadMarkersQuery("r1", null!) },
        { "blank user", new RoomReadMarkersQuery("r1", ["bob", ""]) },
        { "too many users", new RoomReadMarkersQuery("r1", Enumerable.Range(0, MessagesLimits.MaxRoomReadMarkersUsers + 1).Select(i => $"u{i}").ToList()) },
    };

    [Theory]
    [MemberData(nameof(BadRoomReadMarkers))]
    public void Validate_BadRoomReadMarkers_Invalid(string because, RoomReadMarkersQuery? query)
    {
        Should.Throw<ChatError>(() => QueryRules.Validate(query)).Code.ShouldBe(ChatErrorCodes.Invalid, because);
    }

    [Fact]
    public void Validate_RoomReadMarkersAtTheLimit_Accepted()
    {
        var users = Enumerable.Range(0, MessagesLimits.MaxRoomReadMarkersUsers).Select(i => $"u{i}").ToList();

        QueryRules.Validate(new RoomReadMarkersQuery("r1", users)).UserIds.Count.ShouldBe(MessagesLimits.MaxRoomReadMarkersUsers);
    }
}
