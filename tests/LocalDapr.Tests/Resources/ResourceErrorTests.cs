using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Resources;

/// <summary>Bad resource files must fail with a message that names the file, the line and what to fix.</summary>
public sealed class ResourceErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localdapr-resources-").FullName;

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private ResourceLoadException LoadFails() =>
        Should.Throw<ResourceLoadException>(() =>
        {
            var options = new SidecarOptions { AppId = "resources-test", ResourcesPaths = [_dir] };
            ComponentCatalog.Create(options, NullLoggerFactory.Instance, new ComponentPool());
        });

    [Fact]
    public void Load_MalformedYaml_NamesFileAndLine()
    {
        var file = Write("broken.yaml", "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\nspec: {}\n");

        var error = LoadFails();

        error.Location.File.ShouldBe(file);
        error.Location.Line.ShouldBeInRange(4, 5);
        error.Message.ShouldStartWith($"{file}:{error.Location.Line}: malformed YAML");
    }

    [Fact]
    public void Load_UnknownComponentType_NamesItAndListsTheSupportedTypes()
    {
        var file = Write("kafka.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: events
            spec:
              type: pubsub.nosuchbroker
              version: v1
            """);

        var error = LoadFails();

        error.Message.ShouldStartWith($"{file}:1: component 'events' has unknown type 'pubsub.nosuchbroker'. Supported types: ");
        error.Message.ShouldContain("secretstores.local.file");
        error.Message.ShouldContain(ComponentTypes.SupportedList);
    }

    [Fact]
    public void Load_MissingRequiredMetadata_NamesComponentAndField()
    {
        var file = Write("secrets.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: files
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - name: nestedSeparator
                value: ":"
            """);

        LoadFails().Message.ShouldBe($"{file}:1: component 'files' is missing required metadata 'secretsFile'");
    }

    [Fact]
    public void Load_SecretKeyRefToAMissingStore_NamesTheStoreAndTheMetadataLine()
    {
        var file = Write("store.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: env-secrets
            spec:
              type: secretstores.local.env
              version: v1
              metadata:
              - name: password
                secretKeyRef:
                  name: db-password
                  key: db-password
            auth:
              secretStore: vault
            """);

        LoadFails().Message.ShouldBe(
            $"{file}:9: component 'env-secrets': metadata 'password' uses secretKeyRef but secret store 'vault' is not defined (set auth.secretStore)");
    }

    [Fact]
    public void Load_ComponentWithoutType_SaysSoWithItsLine()
    {
        var file = Write("notype.yaml", "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: half\nspec:\n  version: v1\n");

        LoadFails().Message.ShouldBe($"{file}:6: component 'half' has no spec.type");
    }

    [Fact]
    public void Load_SameComponentNameTwice_PointsAtBothDefinitions()
    {
        const string yaml = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: twin\nspec:\n  type: secretstores.local.env\n";
        var first = Write("a.yaml", yaml);
        var second = Write("b.yaml", yaml);

        LoadFails().Message.ShouldBe($"{second}:1: component 'twin' is defined twice (first at {first}:1)");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
