namespace ChatDapr.Gateway.Accounts;

// Bound from "Gateway:Users".
public sealed class UsersOptions
{
    public const string Section = "Gateway:Users";

    // The search index is one state value rewritten per registration (see UserIndex), hence the cap.
    public int MaxIndexedUsers { get; set; } = 10_000;

    public int MaxSearchResults { get; set; } = 20;
}
