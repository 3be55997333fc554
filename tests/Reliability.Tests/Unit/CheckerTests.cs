using ChatDapr.Reliability.Tests.Checking;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Unit;

public sealed class CheckerTests
{
    [Fact]
    public void Check_CleanRun_EveryMetricZero()
    {
        var report = RunBuilder.Clean().Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
        report.Measurements.Acked.ShouldBe(3);
    }

    [Fact]
    public void Check_AckedSendMissingFromAMembersView_CountsLost()
    {
        var report = RunBuilder.Clean().Send("a", "r", "c4", 4).Deliver("a", "r", 4).Check();

        report.Count(Anomaly.Lost).ShouldBe(1, report.ToString());
        report.Anomalies.Single(a => a.Metric == Anomaly.Lost).Detail.ShouldContain("b's final view");
    }

    [Fact]
    public void Check_AckedSendMissingFromClientRemovedBeforeIt_NotLost()
    {
        var report = RunBuilder.Clean().Remove("b", "r").Send("a", "r", "c4", 4).Deliver("a", "r", 4).Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Check_HistoryMissingFromMemberAddedLater_CountsLost()
    {
        // A member added later sees the room's history from its start: c's final view must hold c1..c4.
        var report = RunBuilder.Clean().Send("a", "r", "c4", 4).Deliver("a", "r", 4).Deliver("b", "r", 4).Join("c", "r").Check();

        report.Count(Anomaly.Lost).ShouldBe(4, report.ToString());
        report.Anomalies.Where(a => a.Metric == Anomaly.Lost).ShouldAllBe(a => a.Detail.Contains("c's final view"));
    }

    [Fact]
    public void Check_MemberAddedLaterSyncsWholeHistory_NoAnomaly()
    {
        var run = RunBuilder.Clean().Join("c", "r");
        for (var seq = 1; seq <= 3; seq++)
            run.Receive("c", "r", seq, connection: "c/sync", source: ReceiptSource.Sync).Display("c", "r", seq);

        var report = run.Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Check_RemovedMemberReceivesMessageSentAfterRemoval_CountsLeaked()
    {
        var report = RunBuilder.Clean().Remove("b", "r").Send("a", "r", "c4", 4).Deliver("a", "r", 4).Deliver("b", "r", 4).Check();

        report.Count(Anomaly.Leaked).ShouldBe(1, report.ToString());
        report.Anomalies.Single().Detail.ShouldStartWith("b received m4");
    }

    [Fact]
    public void Check_MessageSentWhileRemovalUnderWay_NotLeaked()
    {
        // The actor may have ordered c4 before the removal: the send started before RemoveMember answered.
        var run = RunBuilder.Clean();
        var requested = run.Next();
        var report = run.Send("a", "r", "c4", 4).Remove("b", "r", requested).Deliver("a", "r", 4).Deliver("b", "r", 4).Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Check_MemberAddedBackSyncsWhatWasSentWhileRemoved_NotLeaked()
    {
        var report = RunBuilder.Clean().Remove("b", "r").Send("a", "r", "c4", 4).Deliver("a", "r", 4).AddBack("b", "r")
            .Receive("b", "r", 4, connection: "b/sync", source: ReceiptSource.Sync).Display("b", "r", 4).Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Check_SendByRemovedMemberAcked_CountsMisauthorized()
    {
        var report = RunBuilder.Clean().Remove("b", "r").Send("b", "r", "c4", 4).Deliver("a", "r", 4).Check();

        report.Count(Anomaly.Misauthorized).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_SendByRemovedMemberRefusedAsForbidden_NoAnomaly()
    {
        var report = RunBuilder.Clean().Remove("b", "r")
            .Add(t => new SendInvoked(t, "b", "r", "c4", 1)).Add(t => new SendFailed(t, "b", "r", "c4", "forbidden: not a member of this room"))
            .Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
        report.Measurements.Failed.ShouldBe(1);
    }

    [Fact]
    public void Check_SendByMemberRefusedAsForbidden_CountsMisauthorized()
    {
        var report = RunBuilder.Clean()
            .Add(t => new SendInvoked(t, "b", "r", "c4", 1)).Add(t => new SendFailed(t, "b", "r", "c4", "forbidden: not a member of this room"))
            .Check();

        report.Count(Anomaly.Misauthorized).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_RetryPersistedAtASecondSeq_CountsDupPersisted()
    {
        // The first attempt's ack was dropped at seq 4; the retry with the same id came back as seq 5.
        var report = RunBuilder.Clean()
            .Add(t => new SendInvoked(t, "a", "r", "c4", 1)).Add(t => new AckDropped(t, "a", "r", "c4", "m4", 4))
            .Add(t => new SendInvoked(t, "a", "r", "c4", 2)).Add(t => new SendAcked(t, "a", "r", "c4", "m5", 5))
            .Check();

        report.Count(Anomaly.DupPersisted).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_DuplicateDeliveredOnlyAsReceipt_CountsDupPersisted()
    {
        var report = RunBuilder.Clean().Receive("b", "r", 7, cmid: "c2", messageId: "m7").Check();

        report.Count(Anomaly.DupPersisted).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_SameMessageShownAtTwoSeqs_CountsDupDisplayed()
    {
        var report = RunBuilder.Clean().Display("b", "r", 4, cmid: "c3", messageId: "m3").Check();

        report.Count(Anomaly.DupDisplayed).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_DisplayedSeqGoesBack_CountsReordered()
    {
        var run = new RunBuilder().Join("a", "r").Send("a", "r", "c1", 1).Send("a", "r", "c2", 2);
        var report = run.Receive("a", "r", 2, connection: "a/1").Receive("a", "r", 1, connection: "a/2", source: ReceiptSource.Sync)
            .Display("a", "r", 2).Display("a", "r", 1).Check();

        report.Count(Anomaly.Reordered).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_ConnectionReceivesLiveSeqOutOfOrder_CountsReordered()
    {
        var run = new RunBuilder().Join("a", "r").Send("a", "r", "c1", 1).Send("a", "r", "c2", 2);
        var report = run.Receive("a", "r", 2).Receive("a", "r", 1).Display("a", "r", 1).Display("a", "r", 2).Check();

        report.Count(Anomaly.Reordered).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Check_LiveRedeliveryOfAnOlderSeq_NotReordered()
    {
        // At-least-once: a second copy of seq 1 after seq 2 is de-duplicated, not a reorder.
        var report = RunBuilder.Clean().Receive("b", "r", 1).Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
    }

    [Fact]
    public void Check_HoleInAFinalView_CountsGapsUnhealed()
    {
        var run = new RunBuilder().Join("a", "r").Join("b", "r").Send("a", "r", "c1", 1).Send("a", "r", "c2", 2);
        var report = run.Deliver("a", "r", 1).Deliver("a", "r", 2).Receive("b", "r", 2).Check();

        report.Count(Anomaly.GapsUnhealed).ShouldBe(1, report.ToString());
        report.Anomalies.Single(a => a.Metric == Anomaly.GapsUnhealed).Detail.ShouldContain("lacks seqs 1, 2");
    }

    [Fact]
    public void Check_ReceivedMessageNobodySent_CountsUnexpected()
    {
        var report = RunBuilder.Clean().Receive("b", "r", 4, cmid: "ghost", messageId: "m4").Display("b", "r", 4, cmid: "ghost", messageId: "m4").Check();

        report.Count(Anomaly.Unexpected).ShouldBe(1, report.ToString());
    }

    [Fact]
    public void Measure_FaultThenAcksAndResyncs_ReportsRecoveryLatencyAndResyncSizes()
    {
        var run = RunBuilder.Clean();
        run.Add(t => new FaultStarted(t, "kill gateway#1")).Add(t => new FaultEnded(t, "kill gateway#1"))
            .Add(t => new Resynced(t, "b", ResyncReason.Reconnect, 5)).Add(t => new Resynced(t, "b", ResyncReason.Reconnect, 2))
            .Send("a", "r", "c4", 4).Deliver("a", "r", 4).Deliver("b", "r", 4);

        var measured = run.Check().Measurements;

        measured.TimeToRecover.Single().Recovered.ShouldBe(TimeSpan.FromMilliseconds(40));
        measured.LatencyP50.ShouldBe(TimeSpan.FromMilliseconds(20));
        measured.LatencyP99.ShouldBe(TimeSpan.FromMilliseconds(40));
        measured.Resyncs.Single().ShouldBe((ResyncReason.Reconnect, 2, 7, 5));
    }

    [Fact]
    public void Measure_HoleFilledOnlyByTheFinalSync_CountedAsShownOnlyByFinalSync()
    {
        var run = new RunBuilder().Join("a", "r").Join("b", "r").Send("a", "r", "c1", 1).Deliver("a", "r", 1)
            .Add(t => new FinalSyncStarted(t, "b")).Receive("b", "r", 1, connection: "b/sync", source: ReceiptSource.Sync).Display("b", "r", 1);

        var report = run.Check();

        report.Anomalies.ShouldBeEmpty(report.ToString());
        report.Measurements.ShownOnlyByFinalSync.ShouldBe(1);
    }
}
