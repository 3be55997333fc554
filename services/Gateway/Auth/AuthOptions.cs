namespace ChatDapr.Gateway.Auth;

// Bound from "Gateway:Auth". The signing key itself never lives in configuration: it comes from the secret store.
public sealed class AuthOptions
{
    public const string Section = "Gateway:Auth";

    // The key under which chat-secrets holds the HS256 signing key (at least 32 bytes).
    public const string SigningKeySecret = "jwt-signing-key";

    public string Issuer { get; set; } = "chatdapr";

    public string Audience { get; set; } = "chatdapr";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    // Tolerated clock difference between gateway instances when checking exp/nbf.
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
