using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ChatDapr.LocalDapr.Grpc;

public sealed partial class DaprGrpcService
{
    public Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context)
    {
        var snapshot = metadata.Snapshot();
        var response = new GetMetadataResponse { Id = snapshot.Id, RuntimeVersion = snapshot.RuntimeVersion };
        foreach (var c in snapshot.Components)
            response.RegisteredComponents.Add(new RegisteredComponents { Name = c.Name, Type = c.Type, Version = c.Version, Capabilities = { c.Capabilities } });
        var actors = snapshot.Actors.Select(a => new ActiveActorsCount { Type = a.Type, Count = a.Count }).ToList();
        // Older SDKs read the deprecated top-level list, newer ones the actor runtime block: fill both.
#pragma warning disable CS0612
        response.ActiveActorsCount.Add(actors);
#pragma warning restore CS0612
        response.ActorRuntime = new ActorRuntime
        {
            RuntimeStatus = ActorRuntime.Types.ActorRuntimeStatus.Running,
            HostReady = actors.Count > 0,
            ActiveActors = { actors },
        };
        foreach (var (key, value) in snapshot.Extended)
            response.ExtendedMetadata[key] = value;
        return Task.FromResult(response);
    }

    public Task<Empty> SetMetadata(SetMetadataRequest request, ServerCallContext context)
    {
        metadata.SetExtended(request.Key, request.Value);
        return Task.FromResult(new Empty());
    }

    /// <summary>Answers first, then stops the sidecar, as daprd does.</summary>
    public Task<Empty> Shutdown(ShutdownRequest request, ServerCallContext context)
    {
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Task.FromResult(new Empty());
    }
}
