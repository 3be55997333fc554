using ChatDapr.Reliability.Tests.Model;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// A seeded schedule of membership changes: the kinds are fixed so every run removes, lets leave and adds back (and
/// ends with members still out), the rooms, members and moments are drawn. Owners stay; a room keeps three members.
/// </summary>
public static class ChurnPlan
{
    private static readonly ChurnKind[] Kinds =
        [ChurnKind.Remove, ChurnKind.Leave, ChurnKind.AddBack, ChurnKind.Remove, ChurnKind.Remove, ChurnKind.AddBack, ChurnKind.Leave, ChurnKind.Remove];

    public static IReadOnlyList<ChurnStep> Draw(IReadOnlyList<RunRoom> rooms, Random schedule)
    {
        var members = rooms.ToDictionary(r => r, r => r.Members.ToList());
        var away = new List<(RunRoom Room, ReliableClient Member)>();
        var steps = new List<ChurnStep>();
        var acks = schedule.Next(40, 70);
        foreach (var kind in Kinds)
        {
            if (kind == ChurnKind.AddBack)
            {
                var (room, member) = away[schedule.Next(away.Count)];
                away.Remove((room, member));
                members[room].Add(member);
                steps.Add(new(acks, kind, room, member));
            }
            else
            {
                var removable = rooms.Where(r => members[r].Count > 3).ToList();
                var room = removable[schedule.Next(removable.Count)];
                var candidates = members[room].Where(m => m != room.Owner).ToList();
                var member = candidates[schedule.Next(candidates.Count)];
                members[room].Remove(member);
                away.Add((room, member));
                steps.Add(new(acks, kind, room, member));
            }
            acks += schedule.Next(15, 30);
        }
        return steps;
    }
}
