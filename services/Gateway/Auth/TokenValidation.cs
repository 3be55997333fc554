using Microsoft.IdentityModel.Tokens;

namespace ChatDapr.Gateway.Auth;

// What a valid access token is: our issuer and audience, HS256 with the shared key, not expired.
public static class TokenValidation
{
    public static TokenValidationParameters Parameters(AuthOptions options, SigningKeyProvider keys) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        // A resolver rather than a fixed key: the key arrives from the secret store after the options are built.
        IssuerSigningKeyResolver = (_, _, _, _) => keys.Current is { } key ? [key] : [],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = options.ClockSkew,
        NameClaimType = ChatClaims.Name,
    };
}
