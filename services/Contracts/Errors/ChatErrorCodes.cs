namespace ChatDapr.Contracts.Errors;

/// <summary>
/// Stable error codes. Hub errors are <c>HubException</c>s and REST errors problem details whose message starts
/// with one of these codes followed by ": ".
/// </summary>
public static class ChatErrorCodes
{
    /// <summary>The caller may not do this (not a member, wrong role).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The room, message or user does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>The request is malformed or breaks a rule (length, kind, member count).</summary>
    public const string Invalid = "invalid";

    /// <summary>The request contradicts existing state (e.g. a room id reused with different settings).</summary>
    public const string Conflict = "conflict";

    /// <summary>The caller exceeded a rate limit.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Missing or invalid credentials.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>All codes.</summary>
    public static IReadOnlyList<string> All { get; } = [Forbidden, NotFound, Invalid, Conflict, RateLimited, Unauthorized];
}
