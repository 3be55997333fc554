namespace ChatDapr.Gateway.Accounts;

// A stored account (state key "account:{userId}"). The hash is PasswordHasher's self-describing format.
public sealed record Account(string UserId, string Username, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt);

// The public view of an account (REST responses, user search).
public sealed record UserProfile(string UserId, string Username, string DisplayName)
{
    public static UserProfile Of(Account account) => new(account.UserId, account.Username, account.DisplayName);
}
