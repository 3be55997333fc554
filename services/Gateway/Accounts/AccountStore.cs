using System.Text.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Names;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace ChatDapr.Gateway.Accounts;

// Accounts in chat-statestore: "account:{userId}" holds the account, "username:{username}" the id that owns the
// name. Both are written in one transaction whose username write is first-write-wins without an ETag ("only if
// absent"), so two concurrent registrations of one name cannot both succeed.
public sealed class AccountStore(DaprClient dapr) : IAccountLookup
{
    private static string AccountKey(string userId) => "account:" + userId;

    private static string UsernameKey(string username) => "username:" + username;

    // False when the username is taken.
    public async Task<bool> TryCreateAsync(Account account, CancellationToken cancellationToken)
    {
        var claimName = new StateTransactionRequest(
            UsernameKey(account.Username), Serialize(account.UserId), StateOperationType.Upsert,
            options: new StateOptions { Concurrency = ConcurrencyMode.FirstWrite });
        var write = new StateTransactionRequest(AccountKey(account.UserId), Serialize(account), StateOperationType.Upsert);
        try
        {
            await dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, [claimName, write], cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException e) when (e.InnerException is RpcException { StatusCode: StatusCode.Aborted })
        {
            return false;
        }
    }

    public async Task<Account?> GetAsync(string userId, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<Account?>(DaprComponents.StateStore, AccountKey(userId), cancellationToken: cancellationToken);

    public async Task<Account?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var userId = await dapr.GetStateAsync<string?>(
            DaprComponents.StateStore, UsernameKey(username), cancellationToken: cancellationToken);
        return string.IsNullOrEmpty(userId) ? null : await GetAsync(userId, cancellationToken);
    }

    // The ids among userIds that have no account.
    public async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var keys = userIds.Distinct().Select(AccountKey).ToList();
        var items = await dapr.GetBulkStateAsync(DaprComponents.StateStore, keys, parallelism: 8, cancellationToken: cancellationToken);
        var found = items.Where(i => !string.IsNullOrEmpty(i.Value)).Select(i => i.Key).ToHashSet();
        return userIds.Distinct().Where(id => !found.Contains(AccountKey(id))).ToList();
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, ChatJson.Options);
}
