using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.ReadMarkers;
using ChatDapr.Messages.Storage;
using Shouldly;

namespace ChatDapr.Messages.Tests.Unit;

public sealed class StorageRulesTests
{
    private static readonly Message Text = new("r1", "m1", 1, "bob", "hi", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 1, false)]
    [InlineData(1, 2, false)]
    public void IsNewerThan_Versions_OnlyAHigherVersionWins(long incoming, long stored, bool newer)
    {
        new StoredMessage(Text, incoming).IsNewerThan(new StoredMessage(Text, stored)).ShouldBe(newer);
    }

    [Fact]
    public void IsNewerThan_NothingStored_Wins()
    {
        new StoredMessage(Text, 1).IsNewerThan(null).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, new long[] { 1, 2, 4 }, 2)]
    [InlineData(0, new long[] { 2, 3 }, 0)]
    [InlineData(5, new long[] { 6, 7, 8 }, 8)]
    [InlineData(5, new long[] { 3, 4 }, 5)]
    [InlineData(5, new long[0], 5)]
    public void Advance_PresentSeqs_StopsAtFirstHole(long mark, long[] present, long expected)
    {
        Contiguity.Advance(mark, present).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 3, 5, 3)]
    [InlineData(4, 3, 5, 4)]
    [InlineData(2, 9, 5, 5)]
    [InlineData(5, 9, 5, 5)]
    [InlineData(0, 0, 0, 0)]
    public void Next_StoredRequestedLastSeq_MonotonicAndNeverPastLastSeq(long stored, long requested, long lastSeq, long expected)
    {
        ReadMarkerRules.Next(stored, requested, lastSeq).ShouldBe(expected);
    }

    [Fact]
    public void Keys_RoomAndSeq_DistinctPerRoomSeqAndUser()
    {
        StateKeys.Message("r1", 7).ShouldBe("room:r1:seq:7");
        StateKeys.Contiguous("r1").ShouldBe("room:r1:contiguous");
        StateKeys.ReadMarker("r1", "bob").ShouldBe("room:r1:read:bob");
    }

    [Fact]
    public void MaxPageSize_FitsOneRoomLogRead()
    {
        // A page's gap is healed with one GetMessagesAsync call.
        MessagesLimits.MaxPageSize.ShouldBeLessThanOrEqualTo(GetMessagesQuery.MaxLimit);
    }
}
