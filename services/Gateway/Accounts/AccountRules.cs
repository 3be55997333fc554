using System.Text.RegularExpressions;
using ChatDapr.Contracts.Errors;

namespace ChatDapr.Gateway.Accounts;

// What a valid registration looks like. Usernames are case-insensitive: they are stored lower-case.
public static partial class AccountRules
{
    public const int MinUsername = 3;
    public const int MaxUsername = 32;
    public const int MinPassword = 8;
    public const int MaxPassword = 128;
    public const int MaxDisplayName = 64;

    public static string NormalizeUsername(string? username) => (username ?? "").Trim().ToLowerInvariant();

    public static (string Username, string DisplayName) Validate(string? username, string? password, string? displayName)
    {
        var name = NormalizeUsername(username);
        if (!UsernamePattern().IsMatch(name))
            throw ChatError.Invalid($"username must be {MinUsername}-{MaxUsername} characters of a-z, 0-9, '_', '.', '-'");
        if (password is null || password.Length is < MinPassword or > MaxPassword)
            throw ChatError.Invalid($"password must be {MinPassword}-{MaxPassword} characters");
        var display = (displayName ?? "").Trim();
        if (display.Length is 0 or > MaxDisplayName || display.Any(char.IsControl))
            throw ChatError.Invalid($"displayName must be 1-{MaxDisplayName} printable characters");
        return (name, display);
    }

    [GeneratedRegex("^[a-z0-9_.-]{3,32}$")]
    private static partial Regex UsernamePattern();
}
