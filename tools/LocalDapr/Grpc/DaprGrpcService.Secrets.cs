using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Secrets;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

public sealed partial class DaprGrpcService
{
    public Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
    {
        var store = SecretStore(request.StoreName);
        // daprd reports a missing secret as Internal (ERR_SECRET_GET), not NotFound.
        var secret = store.Get(request.Key) ?? throw new RpcException(new Status(StatusCode.Internal,
            $"failed getting secret with key {request.Key} from secret store {request.StoreName}: secret {request.Key} not found"));
        var response = new GetSecretResponse();
        foreach (var (name, value) in secret)
            response.Data[name] = value;
        return Task.FromResult(response);
    }

    public Task<GetBulkSecretResponse> GetBulkSecret(GetBulkSecretRequest request, ServerCallContext context)
    {
        var response = new GetBulkSecretResponse();
        foreach (var (key, values) in SecretStore(request.StoreName).GetAll())
        {
            var secret = new SecretResponse();
            foreach (var (name, value) in values)
                secret.Secrets[name] = value;
            response.Data[key] = secret;
        }
        return Task.FromResult(response);
    }

    private ISecretStore SecretStore(string name) =>
        catalog.SecretStores.GetValueOrDefault(name) ?? throw new ComponentNotFoundException("secret store", name);
}
