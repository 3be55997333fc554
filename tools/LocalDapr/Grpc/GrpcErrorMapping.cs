using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>
/// Turns the sidecar's exceptions into the gRPC status codes the Dapr SDK interprets (see <see cref="ApiError"/>).
/// A wrapper around each RPC rather than a gRPC interceptor: an interceptor pipeline adds three async layers and a
/// per-call lookup to every call, this adds one.
/// </summary>
public sealed partial class GrpcErrorMapping(ILogger<GrpcErrorMapping> logger)
{
    public UnaryServerMethod<TService, TRequest, TResponse> Wrap<TService, TRequest, TResponse>(UnaryServerMethod<TService, TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class =>
        async (service, request, context) =>
        {
            try
            {
                return await handler(service, request, context);
            }
            catch (RpcException)
            {
                throw;
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
            }
            catch (Exception e)
            {
                var error = ApiError.From(e, "ERR_INTERNAL");
                if (error.GrpcStatus == StatusCode.Internal)
                    LogFailed(logger, context.Method, e);
                throw error.ToRpcException();
            }
        };

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC call {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
