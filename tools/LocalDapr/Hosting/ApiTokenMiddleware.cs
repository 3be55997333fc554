using System.Security.Cryptography;
using System.Text;

namespace ChatDapr.LocalDapr.Hosting;

/// <summary>
/// Checks <c>dapr-api-token</c> when DAPR_API_TOKEN is configured; health endpoints are exempt, as in daprd, and so is
/// the sidecar-to-sidecar invocation route (daprd's internal port does not take the app-facing token either).
/// </summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, SidecarOptions options)
{
    private readonly byte[]? _expected = options.ApiToken is { Length: > 0 } t ? Encoding.UTF8.GetBytes(t) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || context.Request.Path.StartsWithSegments("/v1.0/healthz")
            || context.Request.Path.StartsWithSegments(Invocation.InboundInvoker.RoutePrefix))
            return next(context);
        var given = context.Request.Headers[AppChannel.ApiTokenHeader].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expected))
            return next(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC response: status 16 = Unauthenticated.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "16";
            context.Response.Headers["grpc-message"] = "authentication error: api token mismatch";
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(new { errorCode = "ERR_UNAUTHORIZED", message = "authentication error: api token mismatch" });
    }
}
