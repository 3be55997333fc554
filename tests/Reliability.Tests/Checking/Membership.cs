namespace ChatDapr.Reliability.Tests.Checking;

// Who was a member of which room when. A change made under load took effect at an unknown moment of its window
// (from the call's first attempt to its answer); setup joins and hand-built leaves are instant. The checker asks only
// "certainly in" or "certainly out" over a span, so a send or receipt racing a change is never judged either way.
internal sealed class Membership
{
    private readonly Dictionary<(string Client, string Room), List<Change>> _changes = [];

    public IEnumerable<(string Client, string Room)> Known => _changes.Keys;

    public void Note(HistoryEvent e)
    {
        switch (e)
        {
            case MemberJoined j: Add(j.Client, j.RoomId, new(j.At, j.At, Joined: true)); break;
            case MemberLeft l: Add(l.Client, l.RoomId, new(l.At, l.At, Joined: false)); break;
            case MemberAdded a: Add(a.Client, a.RoomId, new(a.Requested, a.At, Joined: true)); break;
            case MemberRemoved r: Add(r.Client, r.RoomId, new(r.Requested, r.At, Joined: false)); break;
        }
    }

    public bool IsMemberAtEnd(string client, string room) =>
        _changes.TryGetValue((client, room), out var changes) && changes.MaxBy(c => c.To).Joined;

    /// <summary>A member from <paramref name="from"/> to <paramref name="to"/>, whichever way pending changes went.</summary>
    public bool CertainlyIn(string client, string room, TimeSpan from, TimeSpan to) => Certainly(client, room, from, to, joined: true);

    /// <summary>Not a member from <paramref name="from"/> to <paramref name="to"/>: never one, or removed with no add under way.</summary>
    public bool CertainlyOut(string client, string room, TimeSpan from, TimeSpan to) => Certainly(client, room, from, to, joined: false);

    private bool Certainly(string client, string room, TimeSpan from, TimeSpan to, bool joined)
    {
        if (!_changes.TryGetValue((client, room), out var changes))
            return !joined;
        if (changes.Any(c => c.To > from && c.From <= to))
            return false;
        var settled = changes.Where(c => c.To <= from).ToList();
        return settled.Count == 0 ? !joined : settled.MaxBy(c => c.To).Joined == joined;
    }

    private void Add(string client, string room, Change change)
    {
        if (!_changes.TryGetValue((client, room), out var list))
            _changes[(client, room)] = list = [];
        list.Add(change);
    }

    private readonly record struct Change(TimeSpan From, TimeSpan To, bool Joined);
}
