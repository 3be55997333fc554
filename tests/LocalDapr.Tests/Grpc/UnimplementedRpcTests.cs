using ChatDapr.LocalDapr.Tests.State;
using ChatDapr.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Shouldly;
using Proto = Dapr.Client.Autogen.Grpc.v1;

namespace ChatDapr.LocalDapr.Tests.Grpc;

public sealed class UnimplementedRpcTests
{
    [Fact]
    public async Task RawCall_RpcTheSidecarDoesNotImplement_Unimplemented()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));
        using var channel = GrpcChannel.ForAddress(t.Host.GrpcEndpoint);
        var raw = new Proto.Dapr.DaprClient(channel);

        var error = await Should.ThrowAsync<RpcException>(async () =>
            await raw.TryLockAlpha1Async(new Proto.TryLockRequest { StoreName = "store", ResourceId = "r", LockOwner = "me", ExpiryInSeconds = 5 },
                cancellationToken: t.Ct)).WithTimeout("the call answers");

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task RawCall_ImplementedRpc_AnswersOverPlainGrpc()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));
        using var channel = GrpcChannel.ForAddress(t.Host.GrpcEndpoint);
        var raw = new Proto.Dapr.DaprClient(channel);

        var metadata = await raw.GetMetadataAsync(new Proto.GetMetadataRequest(), cancellationToken: t.Ct);

        metadata.Id.ShouldBe(t.AppId);
        metadata.RegisteredComponents.Single().Name.ShouldBe("store");
    }
}
