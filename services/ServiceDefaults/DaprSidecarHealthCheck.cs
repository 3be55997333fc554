using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatDapr.ServiceDefaults;

/// <summary>
/// Readiness includes the sidecar: without it a service can neither store nor publish. Uses the outbound probe,
/// which does not depend on this app being reachable (that would make readiness circular).
/// </summary>
public sealed class DaprSidecarHealthCheck(IHttpClientFactory clients, IConfiguration configuration) : IHealthCheck
{
    public const string HttpClientName = "dapr-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoint = SidecarEndpoint(configuration);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await clients.CreateClient(HttpClientName).GetAsync($"{endpoint}/v1.0/healthz/outbound", timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"dapr sidecar at {endpoint} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"dapr sidecar at {endpoint} is unreachable");
        }
    }

    public static string SidecarEndpoint(IConfiguration configuration) =>
        configuration["DAPR_HTTP_ENDPOINT"]?.TrimEnd('/')
        ?? $"http://127.0.0.1:{configuration["DAPR_HTTP_PORT"] ?? "3500"}";
}
