using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>
/// The caller's side of service invocation: resolves the target app id to sidecar instances (round robin)
/// and hands the request to the chosen instance's sidecar, which calls its app with its own app token.
/// </summary>
public sealed partial class OutboundInvoker(
    IClusterRegistry registry, RoundRobin roundRobin, PeerChannel peers, SidecarOptions options, ILogger<OutboundInvoker> logger)
{
    public async Task InvokeAsync(HttpContext context, InvokeTarget target)
    {
        var instances = registry.InstancesOf(target.AppId);
        if (instances.Count == 0)
        {
            LogNotFound(logger, target.AppId);
            await InvocationErrors.WriteAsync(context, target.AppId, $"couldn't find service: app id {target.AppId} not found");
            return;
        }
        var start = roundRobin.Next(target.AppId, instances.Count);
        var traceParent = InvocationTrace.ChildOf(context.Request.Headers[InvocationTrace.TraceParentHeader]);
        string? lastError = null;
        for (var attempt = 0; attempt < instances.Count; attempt++)
        {
            var instance = instances[(start + attempt) % instances.Count];
            var uri = HttpProxy.Combine(InboundInvoker.PeerUrl(instance, target.AppId), target.MethodPathAndQuery);
            var request = HttpProxy.CreateRequest(context, uri, ProxyHeaders.ForwardFromApp);
            request.Headers.TryAddWithoutValidation(ProxyHeaders.CallerAppId, options.AppId);
            request.Headers.Remove(InvocationTrace.TraceParentHeader);
            request.Headers.TryAddWithoutValidation(InvocationTrace.TraceParentHeader, traceParent);
            HttpResponseMessage response;
            try
            {
                response = await peers.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // Nothing was sent (not even the body), so another instance may take the call: a stale registry entry.
                lastError = e.Message;
                LogPeerUnreachable(logger, target.AppId, instance.InstanceId, e.Message);
                continue;
            }
            catch (HttpRequestException e)
            {
                await InvocationErrors.WriteAsync(context, target.AppId, e.Message);
                return;
            }
            using (response)
                await HttpProxy.CopyResponseAsync(context, response);
            return;
        }
        await InvocationErrors.WriteAsync(context, target.AppId, lastError ?? "no reachable instance");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "invoke: app id '{AppId}' not found")]
    private static partial void LogNotFound(ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "invoke: instance {InstanceId} of '{AppId}' is unreachable: {Reason}")]
    private static partial void LogPeerUnreachable(ILogger logger, string appId, string instanceId, string reason);
}
