namespace ChatDapr.LocalDapr.Invocation;

/// <summary>Which headers a proxy hop must not pass on (RFC 9110 §7.6.1 plus what the sidecar owns).</summary>
public static class ProxyHeaders
{
    public const string CallerAppId = "dapr-caller-app-id";
    public const string CalleeAppId = "dapr-callee-app-id";
    public const string DaprAppId = "dapr-app-id";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Expect",
    };

    // The caller's API token must never reach another app; the target sidecar adds its own app token.
    // dapr-app-id only addresses the sidecar (daprd deletes it too); caller/callee ids are set by the sidecar, not trusted from the app.
    private static readonly HashSet<string> SidecarOwned = new(StringComparer.OrdinalIgnoreCase)
    {
        Hosting.AppChannel.ApiTokenHeader, DaprAppId, CallerAppId, CalleeAppId,
    };

    public static bool IsHopByHop(string name) => HopByHop.Contains(name) || name.StartsWith(':');

    /// <summary>Headers an app's request may carry to the next hop.</summary>
    public static bool ForwardFromApp(string name) => !IsHopByHop(name) && !SidecarOwned.Contains(name);

    /// <summary>Headers a peer sidecar's request may carry to the app: the caller id it set stays.</summary>
    public static bool ForwardFromPeer(string name) =>
        !IsHopByHop(name) && !name.Equals(Hosting.AppChannel.ApiTokenHeader, StringComparison.OrdinalIgnoreCase)
        && !name.Equals(CalleeAppId, StringComparison.OrdinalIgnoreCase);
}
