using ChatDapr.Reliability.Tests.Model;

namespace ChatDapr.Reliability.Tests.Scenarios;

public enum ChurnKind { Remove, Leave, AddBack }

/// <summary>One membership change of a churn run, made once the run has acked <see cref="AfterAcks"/> sends.</summary>
public sealed record ChurnStep(int AfterAcks, ChurnKind Kind, RunRoom Room, ReliableClient Member)
{
    public Task ApplyAsync(MembershipChanges changes) => Kind switch
    {
        ChurnKind.Remove => changes.RemoveAsync(Room.Owner, Member, Room.RoomId),
        ChurnKind.Leave => changes.LeaveAsync(Member, Room.RoomId),
        _ => changes.AddBackAsync(Room.Owner, Member, Room.RoomId),
    };

    public override string ToString() => Kind switch
    {
        ChurnKind.Remove => $"after {AfterAcks} acks: {Room.Owner.Name} removes {Member.Name} from {Room.RoomId}",
        ChurnKind.Leave => $"after {AfterAcks} acks: {Member.Name} leaves {Room.RoomId}",
        _ => $"after {AfterAcks} acks: {Room.Owner.Name} adds {Member.Name} back to {Room.RoomId}",
    };
}
