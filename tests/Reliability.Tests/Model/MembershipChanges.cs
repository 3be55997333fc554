using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Reliability.Tests.Checking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.Reliability.Tests.Model;

/// <summary>
/// Membership changes made while traffic runs, each recorded with its window (from the first attempt to the answer)
/// so the checker knows who was certainly a member when. A call is retried until answered, as a client would: removing,
/// leaving and adding again change nothing. A rule violation is not retried: it is the schedule's bug, or the product's.
/// </summary>
public sealed class MembershipChanges(History history)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="manager"/> (owner or admin) removes <paramref name="member"/>, which stops posting there first.</summary>
    public async Task RemoveAsync(ReliableClient manager, ReliableClient member, string roomId)
    {
        member.SendTo(roomId, false);
        var requested = history.Now;
        await CallAsync(manager, c => c.InvokeAsync<Room>("RemoveMember", roomId, member.User.UserId), $"{manager.Name} removes {member.Name} from {roomId}");
        history.Add(new MemberRemoved(history.Now, member.Name, roomId, manager.Name, requested));
    }

    public async Task LeaveAsync(ReliableClient member, string roomId)
    {
        member.SendTo(roomId, false);
        var requested = history.Now;
        await CallAsync(member, c => c.InvokeAsync("LeaveRoom", roomId), $"{member.Name} leaves {roomId}");
        history.Add(new MemberRemoved(history.Now, member.Name, roomId, member.Name, requested));
    }

    /// <summary><paramref name="manager"/> adds <paramref name="member"/> back; it posts there again once the add is answered.</summary>
    public async Task AddBackAsync(ReliableClient manager, ReliableClient member, string roomId)
    {
        var requested = history.Now;
        await CallAsync(manager, c => c.InvokeAsync<Room>("AddMembers", roomId, new[] { member.User.UserId }), $"{manager.Name} adds {member.Name} back to {roomId}");
        history.Add(new MemberAdded(history.Now, member.Name, roomId, manager.Name, requested));
        member.SendTo(roomId, true);
    }

    private static Task CallAsync(ReliableClient caller, Func<HubConnection, Task> call, string what) =>
        Testing.Poll.UntilAsync(async () =>
        {
            if (caller.Connection is not { } connection)
                return false;
            try
            {
                await call(connection).WaitAsync(CallTimeout);
                return true;
            }
            catch (Exception e) when (e is not HubException || !ChatError.TryParseCode(e.Message, out var code) || code == ChatErrorCodes.RateLimited)
            {
                return false;
            }
        }, what, TimeSpan.FromSeconds(90));
}
