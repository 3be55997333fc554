using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Relays an actor API request to the sidecar that owns the actor. The relayed request carries
/// <see cref="RoutedHeader"/> so the owner runs it locally instead of routing it again (no ping-pong
/// while two sidecars briefly disagree about placement).
/// </summary>
public sealed class ActorForwarder(SidecarOptions options) : IDisposable
{
    public const string RoutedHeader = "localdapr-actor-routed";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private long _relayed;

    /// <summary>Requests relayed over HTTP so far (an owner in this process is called directly, not counted).</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    public async Task<ActorResponse> ForwardAsync(SidecarInstance owner, string verb, string pathAndQuery, ActorRequest request, CancellationToken ct)
    {
        var uri = new Uri($"http://{owner.Host}:{owner.HttpPort}{pathAndQuery}");
        using var message = request.ToHttp(new HttpMethod(verb), uri);
        message.Headers.TryAddWithoutValidation(RoutedHeader, "1");
        // Sidecars of one deployment share DAPR_API_TOKEN; the caller's own token is not relayed.
        if (options.ApiToken is { Length: > 0 } token)
            message.Headers.TryAddWithoutValidation(AppChannel.ApiTokenHeader, token);
        Interlocked.Increment(ref _relayed);
        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        return await ActorResponse.ReadAsync(response, ct);
    }

    /// <summary>The owner could not be reached at all, so the request was never delivered and may be retried.</summary>
    public static bool IsUnreachable(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || e is HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } };

    public void Dispose() => _client.Dispose();
}
