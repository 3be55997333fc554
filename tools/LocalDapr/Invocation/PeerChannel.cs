using System.Diagnostics;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>The HTTP connection pool a sidecar uses to reach other sidecars for service invocation.</summary>
public sealed class PeerChannel : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // The sidecar sets traceparent itself; the handler must not replace it with the ambient Activity's.
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
    })
    {
        // Calls last as long as the caller waits (it cancels through RequestAborted), like daprd without resiliency policies.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();
}
