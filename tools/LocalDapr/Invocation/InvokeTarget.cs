namespace ChatDapr.LocalDapr.Invocation;

/// <summary>The app an invocation goes to and the method part of the request target, still URL-encoded.</summary>
public readonly record struct InvokeTarget(string AppId, string MethodPathAndQuery)
{
    private const string MethodMarker = "/method/";

    /// <summary>
    /// Parses <c>/v1.0/invoke/{appId}/method/{method}?{query}</c> from the raw request target, as daprd does,
    /// so that encoded characters in the method (e.g. <c>%2F</c>) reach the app unchanged.
    /// </summary>
    public static bool TryParseInvokePath(string rawTarget, out InvokeTarget target)
    {
        target = default;
        var (path, query) = SplitQuery(rawTarget);
        var rest = path.TrimStart('/');
        const string prefix = "v1.0/invoke/";
        if (!rest.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        rest = rest[prefix.Length..];
        var marker = rest.IndexOf(MethodMarker, StringComparison.Ordinal);
        if (marker <= 0)
            return false;
        var appId = Uri.UnescapeDataString(rest[..marker]);
        target = new InvokeTarget(StripNamespace(appId), rest[(marker + MethodMarker.Length)..] + query);
        return true;
    }

    /// <summary>The <c>dapr-app-id</c> header form: the whole request target is the method.</summary>
    public static InvokeTarget FromHeader(string appId, string rawTarget)
    {
        var (path, query) = SplitQuery(rawTarget);
        return new InvokeTarget(StripNamespace(appId), path.TrimStart('/') + query);
    }

    /// <summary>
    /// <c>app.namespace</c> names an app in a namespace. Self-hosted daprd resolves by app id alone
    /// (mDNS has no namespaces), and app ids cannot contain dots, so the suffix is dropped.
    /// </summary>
    public static string StripNamespace(string appId)
    {
        var dot = appId.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? appId[..dot] : appId;
    }

    private static (string Path, string Query) SplitQuery(string rawTarget)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (rawTarget, "") : (rawTarget[..q], rawTarget[q..]);
    }
}
