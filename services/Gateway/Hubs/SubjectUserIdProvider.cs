using ChatDapr.Gateway.Auth;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

// Context.UserIdentifier is the token's "sub" (inbound claim mapping is off, so the default NameIdentifier is absent).
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(ChatClaims.Subject)?.Value;
}
