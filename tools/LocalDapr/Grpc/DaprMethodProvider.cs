using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>
/// Binds the RPCs of <c>dapr.proto.runtime.v1.Dapr</c> that this sidecar implements to <see cref="DaprGrpcService"/>,
/// with marshallers built from the Dapr.Protos message types, each wrapped in <see cref="GrpcErrorMapping"/>.
/// RPCs not listed answer Unimplemented.
/// </summary>
public sealed class DaprMethodProvider(GrpcErrorMapping errors) : IServiceMethodProvider<DaprGrpcService>
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        Add<GetStateRequest, GetStateResponse>(context, nameof(DaprGrpcService.GetState), (s, r, c) => s.GetState(r, c));
        Add<GetBulkStateRequest, GetBulkStateResponse>(context, nameof(DaprGrpcService.GetBulkState), (s, r, c) => s.GetBulkState(r, c));
        Add<SaveStateRequest, Empty>(context, nameof(DaprGrpcService.SaveState), (s, r, c) => s.SaveState(r, c));
        Add<DeleteStateRequest, Empty>(context, nameof(DaprGrpcService.DeleteState), (s, r, c) => s.DeleteState(r, c));
        Add<DeleteBulkStateRequest, Empty>(context, nameof(DaprGrpcService.DeleteBulkState), (s, r, c) => s.DeleteBulkState(r, c));
        Add<ExecuteStateTransactionRequest, Empty>(context, nameof(DaprGrpcService.ExecuteStateTransaction), (s, r, c) => s.ExecuteStateTransaction(r, c));
        Add<PublishEventRequest, Empty>(context, nameof(DaprGrpcService.PublishEvent), (s, r, c) => s.PublishEvent(r, c));
        Add<BulkPublishRequest, BulkPublishResponse>(context, nameof(DaprGrpcService.BulkPublishEvent), (s, r, c) => s.BulkPublishEvent(r, c));
        Add<BulkPublishRequest, BulkPublishResponse>(context, nameof(DaprGrpcService.BulkPublishEventAlpha1), (s, r, c) => s.BulkPublishEventAlpha1(r, c));
        Add<InvokeBindingRequest, InvokeBindingResponse>(context, nameof(DaprGrpcService.InvokeBinding), (s, r, c) => s.InvokeBinding(r, c));
        Add<GetSecretRequest, GetSecretResponse>(context, nameof(DaprGrpcService.GetSecret), (s, r, c) => s.GetSecret(r, c));
        Add<GetBulkSecretRequest, GetBulkSecretResponse>(context, nameof(DaprGrpcService.GetBulkSecret), (s, r, c) => s.GetBulkSecret(r, c));
        Add<GetMetadataRequest, GetMetadataResponse>(context, nameof(DaprGrpcService.GetMetadata), (s, r, c) => s.GetMetadata(r, c));
        Add<SetMetadataRequest, Empty>(context, nameof(DaprGrpcService.SetMetadata), (s, r, c) => s.SetMetadata(r, c));
        Add<ShutdownRequest, Empty>(context, nameof(DaprGrpcService.Shutdown), (s, r, c) => s.Shutdown(r, c));
    }

    private void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<DaprGrpcService> context,
        string name,
        UnaryServerMethod<DaprGrpcService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, ServiceName, name, Marshaller<TRequest>(), Marshaller<TResponse>());
        context.AddUnaryMethod(method, [], errors.Wrap(handler));
    }

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create<T>(
            (message, serialization) =>
            {
                serialization.SetPayloadLength(message.CalculateSize());
                message.WriteTo(serialization.GetBufferWriter());
                serialization.Complete();
            },
            deserialization => parser.ParseFrom(deserialization.PayloadAsReadOnlySequence()));
    }
}
