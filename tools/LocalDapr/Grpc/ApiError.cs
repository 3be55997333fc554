using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.State;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>
/// One failure as both APIs report it: Dapr's HTTP <c>errorCode</c> and status, and the gRPC status code.
/// Shared so that gRPC and HTTP callers see the same classification of the same exception.
/// </summary>
public sealed record ApiError(string ErrorCode, string Message, int HttpStatus, StatusCode GrpcStatus)
{
    /// <param name="operationCode">The errorCode for failures of the operation itself, e.g. <c>ERR_STATE_SAVE</c>.</param>
    public static ApiError From(Exception e, string operationCode) => e switch
    {
        ComponentNotFoundException { Kind: StateAccess.StoreKind } c =>
            new("ERR_STATE_STORE_NOT_FOUND", $"state store {c.ComponentName} is not found", 400, StatusCode.InvalidArgument),
        ComponentNotFoundException c => new(NotFoundCode(c.Kind), c.Message, 400, StatusCode.InvalidArgument),
        ETagMismatchException => new(operationCode, e.Message, 409, StatusCode.Aborted),
        StoreUnavailableException => new(operationCode, e.Message, 500, StatusCode.Unavailable),
        PubSub.PubSubUnavailableException => new(operationCode, e.Message, 500, StatusCode.Unavailable),
        ArgumentException or JsonException or FormatException => new("ERR_MALFORMED_REQUEST", e.Message, 400, StatusCode.InvalidArgument),
        _ => new(operationCode, e.Message, 500, StatusCode.Internal),
    };

    public RpcException ToRpcException() => new(new Status(GrpcStatus, Message));

    private static string NotFoundCode(string kind) => kind switch
    {
        "pubsub" => "ERR_PUBSUB_NOT_FOUND",
        "secret store" => "ERR_SECRET_STORE_NOT_FOUND",
        _ => "ERR_COMPONENT_NOT_FOUND",
    };
}
