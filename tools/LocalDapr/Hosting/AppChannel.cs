using System.Net.Http.Headers;

namespace ChatDapr.LocalDapr.Hosting;

/// <summary>The sidecar's HTTP connection to its app (pub/sub deliveries, actor calls, invocation targets).</summary>
public sealed class AppChannel : IDisposable
{
    public const string ApiTokenHeader = "dapr-api-token";

    public AppChannel(SidecarOptions options)
    {
        Options = options;
        Client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 256,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            BaseAddress = options.AppPort is { } port ? new Uri($"http://{options.AppHost}:{port}/") : null,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.AppApiToken is { Length: > 0 } token)
            Client.DefaultRequestHeaders.TryAddWithoutValidation(ApiTokenHeader, token);
        Client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("localdapr", "1.0"));
    }

    public SidecarOptions Options { get; }

    /// <summary>Relative URIs resolve against the app's address. Null base address when the sidecar has no app port.</summary>
    public HttpClient Client { get; }

    public bool HasApp => Options.AppPort is not null;

    public void Dispose() => Client.Dispose();
}
