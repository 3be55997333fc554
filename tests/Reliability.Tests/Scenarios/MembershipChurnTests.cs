using ChatDapr.Reliability.Tests.Checking;
using ChatDapr.Reliability.Tests.Model;
using ChatDapr.Testing.Systems;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// (e) Membership removal under load: while every client sends, owners remove members, members leave and some are
/// added back (two gateways, seeded schedule). Members at the end see the room's whole history; removed ones receive
/// nothing first sent after their removal; a removed member's post (one probe after each removal) is refused as
/// forbidden, a member's never.
/// </summary>
public sealed class MembershipChurnTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_MembersRemovedLeavingAndAddedBackUnderLoad_NothingLeakedLostDuplicatedOrReordered()
    {
        var seed = Seeds.Pick(output, nameof(MembershipChurnTests));
        await using var system = await ChatSystem.StartAsync("embedded", gateways: 2);
        // More sends than the default, so traffic goes on well after the last change of the plan (at most 273 acks).
        await using var run = await ChatRun.StartAsync(system, new RunShape { TargetAcks = 360 }, seed, output);
        var plan = ChurnPlan.Draw(run.Rooms, run.Schedule);
        var changes = new MembershipChanges(run.History);

        var report = await run.RunAsync(async r =>
        {
            foreach (var step in plan)
            {
                await r.AckedAtLeastAsync(step.AfterAcks);
                output.WriteLine(step.ToString());
                await step.ApplyAsync(changes);
                if (step.Kind != ChurnKind.AddBack)
                {
                    // One post to the room it just left, as a client that missed the news would: refused, never acked.
                    using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    (await new Sender(step.Member, r.History, new Random(seed), ackDropRate: 0).SendAsync(step.Room.RoomId, probe.Token))
                        .ShouldBeFalse($"{step.Member.Name} posted to {step.Room.RoomId} after it left");
                }
            }
        });

        report.Anomalies.ShouldBeEmpty(report.ToString());
        var events = run.History.Events;
        events.OfType<MemberRemoved>().Count().ShouldBe(plan.Count(s => s.Kind != ChurnKind.AddBack));
        events.OfType<MemberAdded>().Count().ShouldBe(plan.Count(s => s.Kind == ChurnKind.AddBack));
        events.OfType<SendFailed>().Count(f => f.Forbidden).ShouldBeGreaterThanOrEqualTo(plan.Count(s => s.Kind != ChurnKind.AddBack), "every probe was refused as forbidden");
        // The leak rule had something to judge: every member still out at the end missed sends acked after it left.
        var stillOut = events.OfType<MemberRemoved>().Where(m => !events.OfType<MemberAdded>().Any(a => a.Client == m.Client && a.RoomId == m.RoomId && a.At > m.At)).ToList();
        stillOut.ShouldNotBeEmpty();
        foreach (var removed in stillOut)
            events.OfType<SendAcked>().Count(a => a.RoomId == removed.RoomId && a.At > removed.At).ShouldBeGreaterThan(0, $"{removed.Client} missed later sends in {removed.RoomId}");
    }
}
