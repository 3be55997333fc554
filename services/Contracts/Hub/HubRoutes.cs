namespace ChatDapr.Contracts.Hub;

/// <summary>Where the gateway exposes the chat hub.</summary>
public static class HubRoutes
{
    /// <summary>The SignalR hub path.</summary>
    public const string Chat = "/hubs/chat";

    /// <summary>The query-string parameter carrying the access token on hub connections.</summary>
    public const string AccessTokenQuery = "access_token";
}
