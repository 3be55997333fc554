using System.Text;
using System.Text.Json;
using ChatDapr.LocalDapr.Tests.State;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Bindings;

public sealed class LocalStorageBindingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "localdapr-files-" + Guid.NewGuid().ToString("N"));

    private string Yaml() => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: files
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
          - name: rootPath
            value: "{_root}"
        """;

    private static BindingRequest Request(string operation, byte[] data, string? fileName = null)
    {
        var request = new BindingRequest("files", operation) { Data = data };
        if (fileName is not null)
            request.Metadata["fileName"] = fileName;
        return request;
    }

    [Fact]
    public async Task InvokeBindingAsync_CreateGetListDelete_RoundTrips()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var created = await t.Client.InvokeBindingAsync(Request("create", Encoding.UTF8.GetBytes("hello world"), "docs/note.txt"), t.Ct);
        var read = await t.Client.InvokeBindingAsync(Request("get", [], "docs/note.txt"), t.Ct);
        var listed = await t.Client.InvokeBindingAsync(Request("list", []), t.Ct);
        await t.Client.InvokeBindingAsync(Request("delete", [], "docs/note.txt"), t.Ct);

        created.Metadata["fileName"].ShouldBe(Path.Combine("docs", "note.txt"));
        JsonDocument.Parse(created.Data).RootElement.GetProperty("fileName").GetString().ShouldBe(Path.Combine("docs", "note.txt"));
        Encoding.UTF8.GetString(read.Data.Span).ShouldBe("hello world");
        JsonSerializer.Deserialize<string[]>(listed.Data.Span).ShouldBe([Path.Combine(_root, "docs", "note.txt")]);
        File.Exists(Path.Combine(_root, "docs", "note.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task InvokeBindingAsync_CreateWithoutFileNameWithBase64Json_GeneratesNameAndStoresDecodedBytes()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF];

        // The typed overload sends the JSON string "<base64>", which daprd unquotes and decodes.
        var created = await t.Client.InvokeBindingAsync(Request("create", JsonSerializer.SerializeToUtf8Bytes(Convert.ToBase64String(image))), t.Ct);

        var name = created.Metadata["fileName"];
        Guid.TryParse(name, out _).ShouldBeTrue();
        File.ReadAllBytes(Path.Combine(_root, name)).ShouldBe(image);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    public async Task InvokeBindingAsync_FileNameOutsideRoot_InvalidArgument(string fileName)
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.InvokeBindingAsync(Request("create", [1, 2, 3], fileName), t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.InvalidArgument);
        File.Exists(Path.GetFullPath(Path.Combine(_root, "..", "escape.txt"))).ShouldBeFalse();
    }

    [Fact]
    public async Task InvokeBindingAsync_GetMissingFile_FailsNamingTheBinding()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.InvokeBindingAsync(Request("get", [], "absent.txt"), t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().Status.Detail.ShouldContain("files");
    }

    [Fact]
    public async Task InvokeBindingAsync_UnknownOperation_InvalidArgument()
    {
        await using var t = await StateTestHost.StartAsync(Yaml());

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.InvokeBindingAsync(Request("rename", [], "a.txt"), t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
