using ChatDapr.LocalDapr.Tests.State;
using ChatDapr.Testing;
using Dapr;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Grpc;

public sealed class ApiTokenTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task GrpcCall_MissingOrWrongToken_Unauthenticated(string? token)
    {
        await using var sidecar = new LocalSidecar(Components.InMemoryState("store"));
        var host = await sidecar.StartAsync("secured-" + Guid.NewGuid().ToString("N")[..8], configure: o => o with { ApiToken = "right-token" })
            .WithTimeout("the sidecar starts");
        using var client = LocalSidecar.Client(host, token);

        var error = await Should.ThrowAsync<DaprException>(() => client.SaveStateAsync("store", "k", "v", cancellationToken: TestContext.Current.CancellationToken))
            .WithTimeout("the call fails");

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task GrpcCall_RightToken_Succeeds()
    {
        await using var sidecar = new LocalSidecar(Components.InMemoryState("store"));
        var host = await sidecar.StartAsync("secured-" + Guid.NewGuid().ToString("N")[..8], configure: o => o with { ApiToken = "right-token" })
            .WithTimeout("the sidecar starts");
        using var client = LocalSidecar.Client(host, "right-token");

        await client.SaveStateAsync("store", "k", "v", cancellationToken: TestContext.Current.CancellationToken).WithTimeout("the save");

        (await client.GetStateAsync<string>("store", "k", cancellationToken: TestContext.Current.CancellationToken).WithTimeout("the read")).ShouldBe("v");
    }
}
