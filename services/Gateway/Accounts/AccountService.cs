using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Accounts;

public sealed record LoginResult(string AccessToken, DateTimeOffset ExpiresAt, string UserId);

// Registration and login. Passwords are stored only as PasswordHasher hashes (PBKDF2, salted, versioned).
public sealed class AccountService
{
    private readonly AccountStore store;
    private readonly UserIndex index;
    private readonly TokenIssuer tokens;
    private readonly TimeProvider time;
    private readonly PasswordHasher<Account> hasher;
    // Verifying against a real hash costs as much as a real check, so an unknown username answers as slowly as a
    // wrong password and response times do not reveal which usernames exist.
    private readonly Lazy<string> decoyHash;

    public AccountService(AccountStore store, UserIndex index, TokenIssuer tokens, TimeProvider time, IOptions<PasswordHasherOptions> hashing)
    {
        this.store = store;
        this.index = index;
        this.tokens = tokens;
        this.time = time;
        hasher = new PasswordHasher<Account>(hashing);
        decoyHash = new Lazy<string>(() => hasher.HashPassword(Decoy, Guid.NewGuid().ToString()));
    }

    private static Account Decoy { get; } = new("", "", "", "", DateTimeOffset.UnixEpoch);

    public async Task<UserProfile> RegisterAsync(string? username, string? password, string? displayName, CancellationToken cancellationToken)
    {
        var (name, display) = AccountRules.Validate(username, password, displayName);
        var account = new Account(Guid.CreateVersion7().ToString("N"), name, display, "", time.GetUtcNow());
        account = account with { PasswordHash = hasher.HashPassword(account, password!) };
        if (!await store.TryCreateAsync(account, cancellationToken))
            throw ChatError.Conflict("the username is taken");
        var profile = UserProfile.Of(account);
        await index.AddAsync(profile, cancellationToken);
        return profile;
    }

    public async Task<LoginResult> LoginAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        var name = AccountRules.NormalizeUsername(username);
        var account = name.Length == 0 ? null : await store.FindByUsernameAsync(name, cancellationToken);
        var verdict = hasher.VerifyHashedPassword(account ?? Decoy, account?.PasswordHash ?? decoyHash.Value, password ?? "");
        if (account is null || verdict == PasswordVerificationResult.Failed)
            throw ChatError.Unauthorized("wrong username or password");
        var token = await tokens.IssueAsync(account.UserId, account.Username, cancellationToken);
        return new LoginResult(token.AccessToken, token.ExpiresAt, account.UserId);
    }
}
