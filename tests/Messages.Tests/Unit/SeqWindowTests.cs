using ChatDapr.Messages.Storage;
using Shouldly;

namespace ChatDapr.Messages.Tests.Unit;

public sealed class SeqWindowTests
{
    [Theory]
    [InlineData(null, 2, 5, 3, 5, true)]
    [InlineData(4L, 2, 5, 1, 3, true)]
    [InlineData(3L, 2, 5, 0, 2, false)]
    [InlineData(null, 200, 5, 0, 5, false)]
    [InlineData(null, 10, 0, 0, 0, false)]
    [InlineData(99L, 2, 5, 3, 5, true)]
    [InlineData(1L, 10, 5, 0, 0, false)]
    public void ForHistory_BeforeSeqLimitLastSeq_PageJustBelowWithinLastSeq(
        long? beforeSeq, int limit, long lastSeq, long afterSeq, long upTo, bool hasMore)
    {
        var (window, more) = SeqWindow.ForHistory(beforeSeq, limit, lastSeq);

        window.ShouldBe(new SeqWindow(afterSeq, upTo));
        more.ShouldBe(hasMore);
    }

    [Theory]
    [InlineData(0, 2, 5, 2, true)]
    [InlineData(3, 2, 5, 5, false)]
    [InlineData(1, 200, 5, 5, false)]
    [InlineData(5, 10, 5, 5, false)]
    [InlineData(9, 10, 5, 9, false)]
    [InlineData(0, 10, 0, 0, false)]
    public void ForSync_AfterSeqLimitLastSeq_UpToLimitAfterAndHasMoreUntilLastSeq(
        long afterSeq, int limit, long lastSeq, long upTo, bool hasMore)
    {
        var (window, more) = SeqWindow.ForSync(afterSeq, limit, lastSeq);

        window.ShouldBe(new SeqWindow(afterSeq, upTo));
        more.ShouldBe(hasMore);
    }

    [Fact]
    public void Seqs_Window_AscendingExclusiveOfAfterSeq()
    {
        new SeqWindow(3, 6).Seqs().ShouldBe([4L, 5L, 6L]);
        new SeqWindow(3, 6).Count.ShouldBe(3);
        new SeqWindow(6, 6).Seqs().ShouldBeEmpty();
        new SeqWindow(6, 3).Count.ShouldBe(0);
    }
}
