using ChatDapr.LocalDapr.Bindings;
using ChatDapr.LocalDapr.Components;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

public sealed partial class DaprGrpcService
{
    public async Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context)
    {
        var binding = catalog.Bindings.GetValueOrDefault(request.Name) ?? throw new ComponentNotFoundException("output binding", request.Name);
        if (string.IsNullOrEmpty(request.Operation))
            throw new ArgumentException($"operation is empty for output binding {request.Name}");
        var requestMetadata = new Dictionary<string, string>(request.Metadata, StringComparer.Ordinal);
        TraceContext.AddTo(requestMetadata, context);
        BindingResponse result;
        try
        {
            result = await binding.InvokeAsync(new BindingRequest(request.Operation, request.Data.ToByteArray(), requestMetadata), context.CancellationToken);
        }
        catch (Exception e) when (e is not (ArgumentException or OperationCanceledException))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"error invoking output binding {request.Name}: {e.Message}"));
        }
        var response = new InvokeBindingResponse { Data = ByteString.CopyFrom(result.Data) };
        foreach (var (key, value) in result.Metadata)
            response.Metadata[key] = value;
        return response;
    }
}
