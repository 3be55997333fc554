using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatDapr.Gateway.Auth;

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

// Issues HS256 access tokens: sub = user id, name = username.
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    public async Task<IssuedToken> IssueAsync(string userId, string username, CancellationToken cancellationToken, TimeSpan? lifetime = null)
    {
        var key = await keys.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        // JWT times have whole seconds; truncating keeps expiresAt in the response equal to the token's exp.
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + (lifetime ?? options.Value.TokenLifetime)).ToUnixTimeSeconds());
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { [ChatClaims.Subject] = userId, [ChatClaims.Name] = username },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }
}
