namespace ChatDapr.Reliability.Tests.Checking;

// The history regrouped the ways the checker asks about it: acks, membership over time, each client's view per room.
internal sealed class RunIndex
{
    private readonly Dictionary<(string Room, string Cmid), TimeSpan> _firstAttempt = [];
    private readonly Dictionary<(string Room, string Cmid), string> _ackedId = [];
    private readonly Dictionary<(string Client, string Room), long> _highestReceived = [];
    private readonly List<(SendFailed Failed, TimeSpan Invoked)> _forbidden = [];

    public RunIndex(IReadOnlyList<HistoryEvent> events)
    {
        var lastAttempt = new Dictionary<(string Room, string Cmid), TimeSpan>();
        foreach (var e in events)
        {
            Membership.Note(e);
            switch (e)
            {
                case SendInvoked s:
                    _firstAttempt.TryAdd((s.RoomId, s.ClientMessageId), s.At);
                    lastAttempt[(s.RoomId, s.ClientMessageId)] = s.At;
                    break;
                case SendAcked a: _ackedId.TryAdd((a.RoomId, a.ClientMessageId), a.MessageId); break;
                case SendFailed { Forbidden: true } f: _forbidden.Add((f, lastAttempt.GetValueOrDefault((f.RoomId, f.ClientMessageId), f.At))); break;
                case Received r: _highestReceived[(r.Client, r.RoomId)] = Math.Max(r.Seq, _highestReceived.GetValueOrDefault((r.Client, r.RoomId))); break;
            }
        }
        // One ack per clientMessageId: a second ack with another seq is dup_persisted's business, not a second loss.
        Acks = events.OfType<SendAcked>().DistinctBy(a => (a.RoomId, a.ClientMessageId)).ToList();
        DisplayedByView = events.OfType<Displayed>().GroupBy(d => (d.Client, d.RoomId)).ToDictionary(g => g.Key, g => (IReadOnlyList<Displayed>)[.. g]);
    }

    public Membership Membership { get; } = new();

    public IReadOnlyList<SendAcked> Acks { get; }

    /// <summary>Send attempts refused as forbidden, with the time that attempt was invoked.</summary>
    public IReadOnlyList<(SendFailed Failed, TimeSpan Invoked)> ForbiddenSends => _forbidden;

    public IReadOnlyDictionary<(string Client, string Room), IReadOnlyList<Displayed>> DisplayedByView { get; }

    public IEnumerable<(string Client, string Room)> MemberViewsAtEnd => Membership.Known.Where(k => Membership.IsMemberAtEnd(k.Client, k.Room));

    public TimeSpan? FirstAttempt(string room, string cmid) => _firstAttempt.TryGetValue((room, cmid), out var at) ? at : null;

    public string? AckedMessageId(string room, string cmid) => _ackedId.GetValueOrDefault((room, cmid));

    /// <summary>seq → messageId of what the client shows in the room (the first one shown for a seq).</summary>
    public IReadOnlyDictionary<long, string> View(string client, string room)
    {
        var view = new Dictionary<long, string>();
        foreach (var d in DisplayedByView.GetValueOrDefault((client, room)) ?? [])
            view.TryAdd(d.Seq, d.MessageId);
        return view;
    }

    public long HighestReceived(string client, string room) => _highestReceived.GetValueOrDefault((client, room));

    public long HighestAcked(string room) => Acks.Where(a => a.RoomId == room).Select(a => a.Seq).DefaultIfEmpty(0).Max();
}
