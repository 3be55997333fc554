using System.Security.Claims;

namespace ChatDapr.Gateway.Auth;

// The JWT claims the gateway issues. Inbound claim mapping is off, so these names arrive unchanged.
public static class ChatClaims
{
    public const string Subject = "sub";
    public const string Name = "name";

    // [Authorize] guarantees a validated token, and every token the gateway issues carries "sub".
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("the principal has no subject claim");
}
