namespace ChatDapr.Reliability.Tests.Checking;

// The history regrouped the ways the checker asks about it: acks, membership over time, each client's view per room.
internal sealed class RunIndex
{
    private readonly Dictionary<(string Room, string Cmid), TimeSpan> _firstAttempt = [];
    private readonly Dictionary<(string Room, string Cmid), string> _ackedId = [];
    private readonly Dictionary<(string Client, string Room), List<(TimeSpan At, bool Joined)>> _membership = [];
    private readonly Dictionary<(string Client, string Room), long> _highestReceived = [];

    public RunIndex(IReadOnlyList<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case SendInvoked s: _firstAttempt.TryAdd((s.RoomId, s.ClientMessageId), s.At); break;
                case SendAcked a: _ackedId.TryAdd((a.RoomId, a.ClientMessageId), a.MessageId); break;
                case MemberJoined j: Membership(j.Client, j.RoomId).Add((j.At, true)); break;
                case MemberLeft l: Membership(l.Client, l.RoomId).Add((l.At, false)); break;
                case Received r: _highestReceived[(r.Client, r.RoomId)] = Math.Max(r.Seq, _highestReceived.GetValueOrDefault((r.Client, r.RoomId))); break;
            }
        }
        // One ack per clientMessageId: a second ack with another seq is dup_persisted's business, not a second loss.
        Acks = events.OfType<SendAcked>().DistinctBy(a => (a.RoomId, a.ClientMessageId)).ToList();
        DisplayedByView = events.OfType<Displayed>().GroupBy(d => (d.Client, d.RoomId)).ToDictionary(g => g.Key, g => (IReadOnlyList<Displayed>)[.. g]);
        foreach (var list in _membership.Values)
            list.Sort((a, b) => a.At.CompareTo(b.At));
    }

    public IReadOnlyList<SendAcked> Acks { get; }

    public IReadOnlyDictionary<(string Client, string Room), IReadOnlyList<Displayed>> DisplayedByView { get; }

    public IEnumerable<(string Client, string Room)> MemberViewsAtEnd => _membership.Keys.Where(k => IsMemberAtEnd(k.Client, k.Room));

    public TimeSpan? FirstAttempt(string room, string cmid) => _firstAttempt.TryGetValue((room, cmid), out var at) ? at : null;

    public string? AckedMessageId(string room, string cmid) => _ackedId.GetValueOrDefault((room, cmid));

    public IEnumerable<string> Members(string room) => _membership.Keys.Where(k => k.Room == room).Select(k => k.Client);

    public bool IsMember(string client, string room, TimeSpan at) =>
        _membership.TryGetValue((client, room), out var changes) && changes.LastOrDefault(c => c.At <= at) is { Joined: true };

    public bool IsMemberAtEnd(string client, string room) =>
        _membership.TryGetValue((client, room), out var changes) && changes[^1].Joined;

    /// <summary>seq → messageId of what the client shows in the room (the first one shown for a seq).</summary>
    public IReadOnlyDictionary<long, string> View(string client, string room)
    {
        var view = new Dictionary<long, string>();
        foreach (var d in DisplayedByView.GetValueOrDefault((client, room)) ?? [])
            view.TryAdd(d.Seq, d.MessageId);
        return view;
    }

    public long HighestReceived(string client, string room) => _highestReceived.GetValueOrDefault((client, room));

    public long HighestAckedWhileMember(string client, string room) =>
        Acks.Where(a => a.RoomId == room && IsMember(client, room, FirstAttempt(room, a.ClientMessageId) ?? a.At))
            .Select(a => a.Seq).DefaultIfEmpty(0).Max();

    private List<(TimeSpan At, bool Joined)> Membership(string client, string room)
    {
        if (!_membership.TryGetValue((client, room), out var list))
            _membership[(client, room)] = list = [];
        return list;
    }
}
