using ChatDapr.LocalDapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ActorScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ActorSchedule Parse(string? due, string? period, string? ttl = null)
    {
        ActorSchedule.TryParse(due, period, ttl, Now, out var schedule, out var error).ShouldBeTrue(error);
        return schedule;
    }

    [Theory]
    [InlineData("0h0m1s0ms", 1000)]
    [InlineData("PT5S", 5000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    [InlineData("2026-01-01T12:00:03Z", 3000)]
    public void TryParse_DueTimeForms_FirstDue(string? due, int expectedMs) =>
        Parse(due, null).FirstDue.ShouldBe(Now.AddMilliseconds(expectedMs));

    [Theory]
    [InlineData("0h1m0s0ms", 60_000, null)]
    [InlineData("PT10S", 10_000, null)]
    [InlineData("R5/PT10S", 10_000, 5)]
    [InlineData("R3/0h0m0s100ms", 100, 3)]
    public void TryParse_PeriodForms_IntervalAndRepetitions(string period, int intervalMs, int? repetitions)
    {
        var schedule = Parse(null, period);

        schedule.Period.ShouldBe(TimeSpan.FromMilliseconds(intervalMs));
        schedule.Repetitions.ShouldBe(repetitions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0h0m0s0ms")]
    public void TryParse_NoOrZeroPeriod_FiresOnce(string period)
    {
        var schedule = Parse("1s", period);

        schedule.Period.ShouldBeNull();
        schedule.InitialRemaining.ShouldBe(1);
        ActorSchedule.Next(schedule.FirstDue, schedule.Period, schedule.InitialRemaining, null, Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("later", null, null)]
    [InlineData(null, "sometimes", null)]
    [InlineData(null, "R0/PT1S", null)]
    [InlineData(null, "Rx/PT1S", null)]
    [InlineData("5s", null, "2026-01-01T12:00:01Z")]
    public void TryParse_Invalid_False(string? due, string? period, string? ttl)
    {
        ActorSchedule.TryParse(due, period, ttl, Now, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Next_Repetitions_StopsAfterN()
    {
        var schedule = Parse("0s", "R3/PT1S");
        var due = schedule.FirstDue;
        var remaining = schedule.InitialRemaining;
        var fired = 0;
        while (true)
        {
            fired++;
            if (ActorSchedule.Next(due, schedule.Period, remaining, schedule.ExpiresAt, due) is not { } next)
                break;
            (due, remaining) = next;
        }

        fired.ShouldBe(3);
    }

    [Fact]
    public void Next_Ttl_StopsAtExpiry()
    {
        var schedule = Parse("0s", "PT1S", "PT2.5S");

        ActorSchedule.Next(Now, schedule.Period, null, schedule.ExpiresAt, Now)!.Value.Due.ShouldBe(Now.AddSeconds(1));
        ActorSchedule.Next(Now.AddSeconds(2), schedule.Period, null, schedule.ExpiresAt, Now).ShouldBeNull();
    }

    [Fact]
    public void Next_MissedOccurrences_CollapseToNow()
    {
        var later = Now.AddMinutes(10);

        ActorSchedule.Next(Now, TimeSpan.FromSeconds(1), null, null, later)!.Value.Due.ShouldBe(later);
    }

    [Fact]
    public void Texts_GoFormForSdk()
    {
        var schedule = Parse("PT90S", "PT1.5S");

        schedule.DueTimeText.ShouldBe("0h1m30s0ms");
        schedule.TimerPeriodText.ShouldBe("0h0m1s500ms");
    }
}
