using ChatDapr.LocalDapr.Tests.State;
using Dapr;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Grpc;

public sealed class SecretsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"localdapr-secrets-{Guid.NewGuid():N}.json");
    private readonly string _envPrefix = $"LDTEST_{Guid.NewGuid():N}_";

    public SecretsTests()
    {
        File.WriteAllText(_file, """{"db":{"user":"chat","password":"p@ss"},"jwtKey":"k-123"}""");
        Environment.SetEnvironmentVariable(_envPrefix + "API_KEY", "from-env");
    }

    private string Yaml() => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: file-secrets
        spec:
          type: secretstores.local.file
          version: v1
          metadata:
          - name: secretsFile
            value: "{_file}"
          - name: nestedSeparator
            value: ":"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: env-secrets
        spec:
          type: secretstores.local.env
          version: v1
          metadata:
          - name: prefix
            value: "{_envPrefix}"
        """;

    [Fact]
    public async Task GetSecretAsync_NestedKeyInFile_ReturnsFlattenedSecret()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var secret = await t.Client.GetSecretAsync("file-secrets", "db:password", cancellationToken: t.Ct);

        secret.ShouldBe(new Dictionary<string, string> { ["db:password"] = "p@ss" });
    }

    [Fact]
    public async Task GetBulkSecretAsync_FileStore_ReturnsEverySecret()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var all = await t.Client.GetBulkSecretAsync("file-secrets", cancellationToken: t.Ct);

        all.Keys.ShouldBe(["db:user", "db:password", "jwtKey"], ignoreOrder: true);
        all["jwtKey"]["jwtKey"].ShouldBe("k-123");
    }

    [Fact]
    public async Task GetSecretAsync_EnvStoreWithPrefix_ReadsVariable()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var secret = await t.Client.GetSecretAsync("env-secrets", "API_KEY", cancellationToken: t.Ct);

        secret["API_KEY"].ShouldBe("from-env");
    }

    [Fact]
    public async Task GetSecretAsync_UnknownStore_InvalidArgument()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.GetSecretAsync("vault", "x", cancellationToken: t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task GetSecretAsync_MissingKey_FailsNamingTheKey()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.GetSecretAsync("file-secrets", "nope", cancellationToken: t.Ct));

        var rpc = error.InnerException.ShouldBeOfType<RpcException>();
        rpc.StatusCode.ShouldBe(StatusCode.Internal);
        rpc.Status.Detail.ShouldContain("nope");
    }

    public void Dispose()
    {
        File.Delete(_file);
        Environment.SetEnvironmentVariable(_envPrefix + "API_KEY", null);
    }
}
