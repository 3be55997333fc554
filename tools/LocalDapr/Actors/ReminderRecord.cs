using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Names one reminder: actor type, actor id and reminder name.</summary>
public readonly record struct ReminderRef(string ActorType, string ActorId, string Name)
{
    public ActorKey Actor => new(ActorType, ActorId);
}

/// <summary>
/// A reminder as persisted in the actor state store (one JSON document per reminder, see <see cref="ReminderKeys"/>).
/// <see cref="DueTime"/>, <see cref="Period"/> and <see cref="Ttl"/> are kept in the forms the .NET SDK parses;
/// <see cref="NextDue"/> and <see cref="Remaining"/> advance each time the reminder fires, so a restarted sidecar
/// continues the schedule instead of starting it over.
/// </summary>
public sealed record ReminderRecord
{
    public required string ActorType { get; init; }
    public required string ActorId { get; init; }
    public required string Name { get; init; }
    public JsonElement? Data { get; init; }
    public required string DueTime { get; init; }
    public required string Period { get; init; }
    public string? Ttl { get; init; }
    public required DateTimeOffset NextDue { get; init; }
    public TimeSpan? Interval { get; init; }
    public int? Remaining { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonIgnore]
    public ReminderRef Ref => new(ActorType, ActorId, Name);

    public static ReminderRecord Create(ReminderRef reminder, ActorSchedule schedule, JsonElement? data, string? ttl) => new()
    {
        ActorType = reminder.ActorType,
        ActorId = reminder.ActorId,
        Name = reminder.Name,
        Data = data,
        DueTime = schedule.DueTimeText,
        Period = PeriodText(schedule),
        Ttl = string.IsNullOrWhiteSpace(ttl) ? null : DurationParser.TryParse(ttl, out var t) ? DurationParser.ToGo(t) : null,
        NextDue = schedule.FirstDue,
        Interval = schedule.Period,
        Remaining = schedule.InitialRemaining,
        ExpiresAt = schedule.ExpiresAt,
    };

    /// <summary>The body of <c>PUT /actors/{type}/{id}/method/remind/{name}</c>.</summary>
    public byte[] FireBody() => JsonSerializer.SerializeToUtf8Bytes(new FireBodyJson(Data, DueTime, Period));

    /// <summary>The body of <c>GET /v1.0/actors/{type}/{id}/reminders/{name}</c>.</summary>
    public byte[] GetBody() => JsonSerializer.SerializeToUtf8Bytes(new GetBodyJson(ActorId, ActorType, Data, DueTime, Period, Ttl));

    // The SDK reads a reminder period with repetitions only in ISO-8601 form (R5/PT10S), and a plain period only
    // in Go form (0h0m10s0ms), so both are produced here whatever form the caller used.
    private static string PeriodText(ActorSchedule schedule)
    {
        if (schedule.Period is not { } p)
            return "";
        if (schedule.Repetitions is not { } n)
            return DurationParser.ToGo(p);
        var iso = new StringBuilder($"R{n}/P");
        if (p.Days > 0)
            iso.Append(p.Days).Append('D');
        iso.Append('T');
        if (p.Hours > 0)
            iso.Append(p.Hours).Append('H');
        if (p.Minutes > 0)
            iso.Append(p.Minutes).Append('M');
        iso.Append(p.Seconds).Append('S'); // sub-second parts cannot be expressed; the SDK never sends them with repetitions
        return iso.ToString();
    }

    private sealed record FireBodyJson(
        [property: JsonPropertyName("data")] JsonElement? Data,
        [property: JsonPropertyName("dueTime")] string DueTime,
        [property: JsonPropertyName("period")] string Period);

    private sealed record GetBodyJson(
        [property: JsonPropertyName("actorID")] string ActorId,
        [property: JsonPropertyName("actorType")] string ActorType,
        [property: JsonPropertyName("data")] JsonElement? Data,
        [property: JsonPropertyName("dueTime")] string DueTime,
        [property: JsonPropertyName("period")] string Period,
        [property: JsonPropertyName("ttl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ttl);
}
