using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>Turns the sidecar's exceptions into the gRPC status codes the Dapr SDK interprets (see <see cref="ApiError"/>).</summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC call {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
