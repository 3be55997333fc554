using System.Globalization;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// When a timer or reminder fires: <c>dueTime</c> (a duration or an RFC 3339 time), <c>period</c> (a duration,
/// <c>R{n}/{duration}</c> for n repetitions) and <c>ttl</c> (a duration after the first due time, or a time).
/// </summary>
public sealed record ActorSchedule(DateTimeOffset FirstDue, TimeSpan DueTime, TimeSpan? Period, int? Repetitions, DateTimeOffset? ExpiresAt)
{
    public static bool TryParse(string? dueTime, string? period, string? ttl, DateTimeOffset now, out ActorSchedule schedule, out string error)
    {
        schedule = null!;
        error = "";
        var due = TimeSpan.Zero;
        if (!string.IsNullOrWhiteSpace(dueTime))
        {
            if (DurationParser.TryParse(dueTime, out var d) && d >= TimeSpan.Zero)
                due = d;
            else if (DateTimeOffset.TryParse(dueTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                due = at > now ? at - now : TimeSpan.Zero;
            else
                return Fail($"invalid dueTime '{dueTime}'", out error);
        }
        TimeSpan? interval = null;
        int? repetitions = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            var text = period.Trim();
            if (text.StartsWith('R'))
            {
                var slash = text.IndexOf('/');
                if (slash < 0)
                    return Fail($"invalid period '{period}'", out error);
                if (slash > 1)
                {
                    if (!int.TryParse(text[1..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                        return Fail($"invalid repetitions in period '{period}'", out error);
                    repetitions = n;
                }
                text = text[(slash + 1)..];
            }
            if (!DurationParser.TryParse(text, out var p) || p < TimeSpan.Zero)
                return Fail($"invalid period '{period}'", out error);
            // A zero period means "fire once", as the SDK sends 0h0m0s0ms for a one-shot reminder.
            interval = p > TimeSpan.Zero ? p : null;
        }
        var first = now + due;
        DateTimeOffset? expires = null;
        if (!string.IsNullOrWhiteSpace(ttl))
        {
            if (DurationParser.TryParse(ttl, out var t) && t >= TimeSpan.Zero)
                expires = first + t;
            else if (DateTimeOffset.TryParse(ttl, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                expires = at;
            else
                return Fail($"invalid ttl '{ttl}'", out error);
            if (expires < first)
                return Fail("ttl expires before the first due time", out error);
        }
        schedule = new ActorSchedule(first, due, interval, repetitions, expires);
        return true;
    }

    /// <summary>Firings left at the start (null = unbounded).</summary>
    public int? InitialRemaining => Period is null ? 1 : Repetitions;

    /// <summary>
    /// The occurrence after the one due at <paramref name="due"/> fired, given the firings that were left
    /// including that one; null when the schedule is done. Missed occurrences (downtime) collapse into one.
    /// </summary>
    public static (DateTimeOffset Due, int? Remaining)? Next(DateTimeOffset due, TimeSpan? period, int? remaining, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var left = remaining - 1;
        if (left <= 0 || period is not { } p)
            return null;
        var next = due + p;
        if (next < now)
            next = now;
        if (expiresAt is { } end && next > end)
            return null;
        return (next, left);
    }

    /// <summary>Go duration form (<c>0h0m1s0ms</c>): the only form the .NET SDK parses for dueTime, timer periods and ttl.</summary>
    public string DueTimeText => DurationParser.ToGo(DueTime);

    public string TimerPeriodText => Period is { } p ? DurationParser.ToGo(p) : "";

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
