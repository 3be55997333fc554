using ChatDapr.Gateway.Web;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class WebClientFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("webroot-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IConfiguration Config(string? webRoot) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [WebClientFiles.WebRootKey] = webRoot }).Build();

    private string ContentRoot()
    {
        var contentRoot = Path.Combine(_root, "services", "Gateway");
        Directory.CreateDirectory(contentRoot);
        return contentRoot;
    }

    [Fact]
    public void ResolveClientFolder_BuiltClientBesideRepo_FoundByDefault()
    {
        var dist = Path.Combine(_root, "clients", "web", "dist");
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html>");

        WebClientFiles.ResolveClientFolder(Config(null), ContentRoot()).ShouldBe(dist);
    }

    [Fact]
    public void ResolveClientFolder_NoBuild_Null() =>
        WebClientFiles.ResolveClientFolder(Config(null), ContentRoot()).ShouldBeNull();

    [Fact]
    public void ResolveClientFolder_FolderWithoutIndex_Null()
    {
        Directory.CreateDirectory(Path.Combine(_root, "clients", "web", "dist"));
        WebClientFiles.ResolveClientFolder(Config(null), ContentRoot()).ShouldBeNull();
    }

    [Fact]
    public void ResolveClientFolder_ConfiguredFolder_UsedInsteadOfDefault()
    {
        var custom = Path.Combine(_root, "custom");
        Directory.CreateDirectory(custom);
        File.WriteAllText(Path.Combine(custom, "index.html"), "<!doctype html>");

        WebClientFiles.ResolveClientFolder(Config(custom), ContentRoot()).ShouldBe(custom);
    }
}
