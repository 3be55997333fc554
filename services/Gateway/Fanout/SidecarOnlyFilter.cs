using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapr;

namespace ChatDapr.Gateway.Fanout;

// The fan-out routes push straight to clients, so only the Dapr sidecar may call them: with APP_API_TOKEN configured
// the request must carry it (as daprd sends it, in dapr-api-token); without one it must come from the loopback
// interface, where the sidecar runs beside the app. Anything else gets 403 and nothing is delivered.
public sealed class SidecarOnlyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string ApiTokenHeader = "dapr-api-token";

    private readonly byte[]? appToken = DaprDefaults.GetDefaultAppApiToken(configuration) is { Length: > 0 } token
        ? Encoding.UTF8.GetBytes(token)
        : null;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsSidecar(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));

    public bool IsSidecar(HttpContext context)
    {
        if (appToken is not null)
        {
            var sent = Encoding.UTF8.GetBytes(context.Request.Headers[ApiTokenHeader].ToString());
            return CryptographicOperations.FixedTimeEquals(sent, appToken);
        }
        return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
    }
}
