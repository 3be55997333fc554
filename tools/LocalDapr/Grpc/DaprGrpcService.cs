using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>
/// The service <c>dapr.proto.runtime.v1.Dapr</c>. Dapr.Protos ships no server base class, so
/// <see cref="DaprMethodProvider"/> binds each RPC to a method here; the partial files group them by building block.
/// Exceptions become gRPC statuses in <see cref="GrpcErrorMapping"/>.
/// </summary>
public sealed partial class DaprGrpcService(
    StateAccess state,
    ComponentCatalog catalog,
    Publisher publisher,
    SidecarMetadata metadata,
    IHostApplicationLifetime lifetime)
{
    private static Dictionary<string, string> Merge(IEnumerable<KeyValuePair<string, string>> first, IEnumerable<KeyValuePair<string, string>> second)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (key, value) in second)
            merged[key] = value;
        return merged;
    }
}
