using ChatDapr.LocalDapr.State;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ProtoStateOptions = Dapr.Client.Autogen.Grpc.v1.StateOptions;
using ProtoStateItem = Dapr.Client.Autogen.Grpc.v1.StateItem;

namespace ChatDapr.LocalDapr.Grpc;

public sealed partial class DaprGrpcService
{
    public async Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        var item = await store.GetAsync(state.FullKey(store, request.Key), context.CancellationToken);
        // A missing key is an empty response, which the SDK reads as default(T). The value array is this call's own, so wrap, not copy.
        return item is null ? new GetStateResponse() : new GetStateResponse { Data = UnsafeByteOperations.UnsafeWrap(item.Value), Etag = item.ETag };
    }

    public async Task<GetBulkStateResponse> GetBulkState(GetBulkStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        var keys = request.Keys.Select(k => state.FullKey(store, k)).ToList();
        var found = await store.BulkGetAsync(keys.Distinct(StringComparer.Ordinal).ToList(), context.CancellationToken);
        var response = new GetBulkStateResponse();
        for (var i = 0; i < keys.Count; i++)
        {
            var item = new BulkStateItem { Key = request.Keys[i] };
            if (found.TryGetValue(keys[i], out var value))
            {
                item.Data = ByteString.CopyFrom(value.Value);
                item.Etag = value.ETag;
            }
            response.Items.Add(item);
        }
        return response;
    }

    public async Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        // Like daprd's bulk set: each item on its own, not one transaction.
        foreach (var item in request.States)
            await store.SetAsync(ToUpsert(store, item, request: null), context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        await store.DeleteAsync(state.Delete(store, request.Key, request.Etag?.Value, ToConcurrency(request.Options)), context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> DeleteBulkState(DeleteBulkStateRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        foreach (var item in request.States)
            await store.DeleteAsync(state.Delete(store, item.Key, item.Etag?.Value, ToConcurrency(item.Options)), context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> ExecuteStateTransaction(ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var store = state.Store(request.StoreName);
        var operations = new List<StateOperation>(request.Operations.Count);
        foreach (var op in request.Operations)
        {
            var item = op.Request ?? throw new ArgumentException("transaction operation has no request");
            operations.Add(StateAccess.ParseOperationType(op.OperationType) == StateOperationKind.Upsert
                ? ToUpsert(store, item, request.Metadata)
                : state.Delete(store, item.Key, item.Etag?.Value, ToConcurrency(item.Options)));
        }
        await store.TransactAsync(operations, context.CancellationToken);
        return new Empty();
    }

    private StateOperation ToUpsert(IStateStore store, ProtoStateItem item, IEnumerable<KeyValuePair<string, string>>? request) =>
        state.Upsert(store, item.Key, item.Value.ToByteArray(), item.Etag?.Value, ToConcurrency(item.Options),
            request is null ? item.Metadata : Merge(request, item.Metadata));

    private static Concurrency ToConcurrency(ProtoStateOptions? options) => options?.Concurrency switch
    {
        ProtoStateOptions.Types.StateConcurrency.ConcurrencyFirstWrite => Concurrency.FirstWrite,
        ProtoStateOptions.Types.StateConcurrency.ConcurrencyLastWrite => Concurrency.LastWrite,
        _ => Concurrency.Unspecified,
    };
}
