namespace ChatDapr.Gateway.Accounts;

// Whether user ids name real accounts (room creation and AddMembers refuse unknown users).
public interface IAccountLookup
{
    Task<IReadOnlyList<string>> MissingAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}
