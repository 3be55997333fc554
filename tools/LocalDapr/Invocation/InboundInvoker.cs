using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>
/// The target's side of service invocation: a peer sidecar's request goes on to this sidecar's app, carrying
/// this sidecar's APP_API_TOKEN (added by <see cref="AppChannel"/>), as daprd's internal invocation port does.
/// </summary>
public sealed partial class InboundInvoker(AppChannel channel, ILogger<InboundInvoker> logger)
{
    /// <summary>
    /// Sidecar-to-sidecar route. Like daprd's internal gRPC port it does not take the app-facing API token
    /// (peers do not know each other's); see docs/local-sidecar.md.
    /// </summary>
    public const string RoutePrefix = "/_localdapr/invoke";

    public static string PeerUrl(SidecarInstance instance, string appId) =>
        $"http://{instance.Host}:{instance.HttpPort}{RoutePrefix}/{Uri.EscapeDataString(appId)}/";

    public async Task InvokeAsync(HttpContext context, string appId)
    {
        var options = channel.Options;
        if (!string.Equals(appId, options.AppId, StringComparison.Ordinal))
        {
            // A stale registry entry whose port now belongs to another app's sidecar.
            await InvocationErrors.WriteAsync(context, appId, $"instance {options.InstanceId} hosts '{options.AppId}', not '{appId}'");
            return;
        }
        if (!channel.HasApp)
        {
            await InvocationErrors.WriteAsync(context, appId, "app channel is not initialized");
            return;
        }
        var raw = HttpProxy.RawTarget(context);
        var method = raw[(RoutePrefix.Length + 1)..];
        method = method[(method.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var request = HttpProxy.CreateRequest(context, HttpProxy.Combine(channel.Client.BaseAddress!.ToString(), method), ProxyHeaders.ForwardFromPeer);
        request.Headers.TryAddWithoutValidation(ProxyHeaders.CalleeAppId, options.AppId);
        HttpResponseMessage response;
        try
        {
            response = await channel.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            LogAppUnreachable(logger, appId, e.Message);
            await InvocationErrors.WriteAsync(context, appId, $"error invoking app channel: {e.Message}");
            return;
        }
        using (response)
            await HttpProxy.CopyResponseAsync(context, response);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "invoke: app '{AppId}' is unreachable: {Reason}")]
    private static partial void LogAppUnreachable(ILogger logger, string appId, string reason);
}
