using ChatDapr.Contracts.Names;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Accounts;

// Search by username prefix. The index is ONE state value ("user-index": every profile, sorted by username), updated
// with optimistic concurrency (read with ETag, write with first-write, retry on conflict). That is simple and needs
// no query API from the state store, but every registration rewrites the whole list, so it is capped
// (UsersOptions.MaxIndexedUsers, 10,000 by default): users registered beyond the cap log in and chat normally but are
// not found by search. A real deployment at scale moves search to a search service.
public sealed partial class UserIndex(DaprClient dapr, IOptions<UsersOptions> options, ILogger<UserIndex> logger)
{
    public const string Key = "user-index";
    private const int MaxAttempts = 20;

    public async Task AddAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (list, etag) = await dapr.GetStateAndETagAsync<List<UserProfile>?>(
                DaprComponents.StateStore, Key, cancellationToken: cancellationToken);
            list ??= [];
            if (list.Any(p => p.UserId == profile.UserId))
                return;
            if (list.Count >= options.Value.MaxIndexedUsers)
            {
                LogIndexFull(logger, options.Value.MaxIndexedUsers);
                return;
            }
            var at = list.BinarySearch(profile, ByUsername.Instance);
            list.Insert(at < 0 ? ~at : at, profile);
            // An empty ETag with first-write means "only if still absent": two first registrations cannot both win.
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, Key, list, etag ?? "",
                    new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: cancellationToken))
                return;
        }
        LogIndexContended(logger, MaxAttempts);
    }

    public async Task<IReadOnlyList<UserProfile>> SearchAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var list = await dapr.GetStateAsync<List<UserProfile>?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken) ?? [];
        var start = list.BinarySearch(new UserProfile("", prefix, ""), ByUsername.Instance);
        return list.Skip(start < 0 ? ~start : start)
            .TakeWhile(p => p.Username.StartsWith(prefix, StringComparison.Ordinal))
            .Take(limit)
            .ToList();
    }

    private sealed class ByUsername : IComparer<UserProfile>
    {
        public static readonly ByUsername Instance = new();

        public int Compare(UserProfile? x, UserProfile? y) => string.CompareOrdinal(x?.Username, y?.Username);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user index holds {Max} users; new users are not searchable")]
    private static partial void LogIndexFull(ILogger logger, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user index stayed contended for {Attempts} attempts; the user is not searchable")]
    private static partial void LogIndexContended(ILogger logger, int attempts);
}
