using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Chat;

// SetStatus and GetPresence, answered by the users' presence actors.
public sealed class PresenceQueries(IChatActors actors)
{
    public async Task SetStatusAsync(string userId, string? status)
    {
        if (!PresenceStatuses.IsSelectable(status))
            throw ChatError.Invalid("status must be online, away, busy or invisible");
        await actors.Presence(userId).SetStatusAsync(new SetStatusCommand(status!));
    }

    public async Task<IReadOnlyList<PresenceInfo>> GetPresenceAsync(IReadOnlyList<string>? userIds, CancellationToken cancellationToken)
    {
        var ids = Arguments.Ids(userIds, "userIds", 1, Arguments.MaxUsersPerCall);
        return await Concurrently.SelectAsync(ids, id => actors.Presence(id).GetPresenceAsync(), cancellationToken);
    }
}
