using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Auth;
using ChatDapr.Gateway.Metrics;
using ChatDapr.Gateway.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

// Around every hub call: the per-user send rate limit, and error mapping so no exception detail leaks to clients.
public sealed partial class ChatHubFilter(SendRateLimiter limiter, GatewayMetrics metrics, ILogger<ChatHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (method == nameof(ChatHub.SendMessage) && !limiter.TryAcquire(invocationContext.Context.User!.UserId()))
        {
            metrics.Failed(ChatErrorCodes.RateLimited);
            throw new HubException(ChatError.RateLimited("too many messages; retry the same clientMessageId later").Message);
        }
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (e is not OperationCanceledException || !invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            var (hubException, code, unexpected) = HubErrors.Map(e);
            metrics.Failed(code);
            if (unexpected)
                LogUnexpected(logger, e, method);
            else
                LogRejected(logger, method, code);
            throw hubException;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} rejected with {Code}")]
    private static partial void LogRejected(ILogger logger, string method, string code);
}
