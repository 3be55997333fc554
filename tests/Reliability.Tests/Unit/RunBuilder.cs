using ChatDapr.Reliability.Tests.Checking;

namespace ChatDapr.Reliability.Tests.Unit;

// Hand-built histories for the checker's own tests: a clean run, then the one defect a test plants.
internal sealed class RunBuilder
{
    private readonly History _history = new();
    private double _ms;

    public TimeSpan Next() => TimeSpan.FromMilliseconds(_ms += 10);

    /// <summary>Clients a and b in room r; a sends c1..c3 (acked as seq 1..3, ids m1..m3) and both see all three live.</summary>
    public static RunBuilder Clean()
    {
        var run = new RunBuilder().Join("a", "r").Join("b", "r");
        for (var seq = 1; seq <= 3; seq++)
            run.Send("a", "r", $"c{seq}", seq).Deliver("a", "r", seq).Deliver("b", "r", seq);
        return run;
    }

    public RunBuilder Add(Func<TimeSpan, HistoryEvent> e)
    {
        _history.Add(e(Next()));
        return this;
    }

    public RunBuilder Join(string client, string room) => Add(t => new MemberJoined(t, client, room));

    /// <summary>The owner a removes the client; <paramref name="requested"/> is when the call started (else when it answered).</summary>
    public RunBuilder Remove(string client, string room, TimeSpan? requested = null) =>
        Add(t => new MemberRemoved(t, client, room, "a", requested ?? t));

    public RunBuilder AddBack(string client, string room) => Add(t => new MemberAdded(t, client, room, "a", t));

    public RunBuilder Send(string client, string room, string cmid, long seq) =>
        Add(t => new SendInvoked(t, client, room, cmid, 1)).Add(t => new SendAcked(t, client, room, cmid, $"m{seq}", seq));

    public RunBuilder Receive(string client, string room, long seq, string? cmid = null, string? messageId = null, string? connection = null,
        ReceiptSource source = ReceiptSource.Live) =>
        Add(t => new Received(t, client, connection ?? client + "/1", room, seq, messageId ?? $"m{seq}", cmid ?? $"c{seq}", source));

    public RunBuilder Display(string client, string room, long seq, string? cmid = null, string? messageId = null) =>
        Add(t => new Displayed(t, client, room, seq, messageId ?? $"m{seq}", cmid ?? $"c{seq}"));

    public RunBuilder Deliver(string client, string room, long seq) => Receive(client, room, seq).Display(client, room, seq);

    public CheckReport Check() => Checker.Check(_history);
}
