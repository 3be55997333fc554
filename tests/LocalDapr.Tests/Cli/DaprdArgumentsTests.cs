using ChatDapr.LocalDapr.Cli;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Cli;

public sealed class DaprdArgumentsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static StandaloneSettings Parse(params string[] args) => DaprdArguments.Parse(args, NoEnvironment);

    [Fact]
    public void Parse_AllSupportedDaprdFlags_MapToSidecarOptions()
    {
        var config = Path.GetTempFileName();
        try
        {
            var settings = Parse("--app-id", "rooms", "--app-port", "5001", "--app-protocol", "http", "--app-channel-address", "localhost",
                "--dapr-http-port", "3601", "--dapr-grpc-port", "50011", "--resources-path", "./a", "--components-path", "./b",
                "--resources-path", "./c", "--config", config, "--log-level", "debug", "--metrics-port", "9091");

            var o = settings.Options;
            (o.AppId, o.AppPort, o.AppProtocol, o.AppHost).ShouldBe(("rooms", (int?)5001, "http", "localhost"));
            (o.HttpPort, o.GrpcPort, o.MetricsPort).ShouldBe((3601, 50011, (int?)9091));
            o.ResourcesPaths.ShouldBe(["./a", "./b", "./c"]);
            (o.ConfigPath, o.LogLevel).ShouldBe((config, "debug"));
            settings.Warnings.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void Parse_OnlyAppId_UsesDaprdDefaults()
    {
        var o = Parse("--app-id", "solo").Options;

        (o.HttpPort, o.GrpcPort, o.AppPort, o.LogLevel, o.AppHost).ShouldBe((3500, 50001, (int?)null, "info", "127.0.0.1"));
        (o.ApiToken, o.AppApiToken).ShouldBe((null, null));
    }

    [Fact]
    public void Parse_GoFlagSyntaxes_AllAccepted()
    {
        var o = Parse("-app-id", "x", "--app-port=7000", "-dapr-http-port=3700").Options;

        (o.AppId, o.AppPort, o.HttpPort).ShouldBe(("x", (int?)7000, 3700));
    }

    [Fact]
    public void Parse_UnknownFlags_IgnoredWithAWarningNamingEach()
    {
        var settings = Parse("--placement-host-address", "localhost:50005", "--enable-metrics", "--app-id", "x",
            "--bogus-flag", "--app-max-concurrency=4");

        settings.Options.AppId.ShouldBe("x");
        settings.Warnings.ShouldBe([
            "flag --placement-host-address is not supported by localdapr and is ignored",
            "flag --enable-metrics is not supported by localdapr and is ignored",
            "flag --bogus-flag is not supported by localdapr and is ignored",
            "flag --app-max-concurrency is not supported by localdapr and is ignored",
        ]);
    }

    [Fact]
    public void Parse_TokensAndRegistryDir_ComeFromTheEnvironmentUnlessFlagged()
    {
        var env = new Dictionary<string, string>
        {
            ["DAPR_API_TOKEN"] = "api", ["APP_API_TOKEN"] = "app", [DaprdArguments.RegistryDirVariable] = "/env/registry",
        };

        var fromEnv = DaprdArguments.Parse(["--app-id", "x"], env.GetValueOrDefault);
        var flagged = DaprdArguments.Parse(["--app-id", "x", "--registry-dir", "/flag/registry"], env.GetValueOrDefault);

        (fromEnv.Options.ApiToken, fromEnv.Options.AppApiToken, fromEnv.RegistryDir).ShouldBe(("api", "app", "/env/registry"));
        flagged.RegistryDir.ShouldBe("/flag/registry");
        Parse("--app-id", "x").RegistryDir.ShouldBe(DaprdArguments.DefaultRegistryDir);
    }

    [Theory]
    [InlineData(new[] { "--app-port", "5000" }, "flag --app-id is required")]
    [InlineData(new[] { "--app-id", "x", "--app-port", "http" }, "flag --app-port must be a port number (0-65535), got 'http'")]
    [InlineData(new[] { "--app-id", "x", "--dapr-http-port" }, "flag --dapr-http-port needs a value")]
    [InlineData(new[] { "--app-id", "x", "--app-protocol", "grpc" }, "--app-protocol grpc is not supported by localdapr: only http apps are (use real daprd for gRPC apps)")]
    [InlineData(new[] { "--app-id", "x", "--log-level", "loud" }, "--log-level must be one of debug, info, warn, error, fatal, got 'loud'")]
    [InlineData(new[] { "--app-id", "x", "--config", "/no/such/config.yaml" }, "config file '/no/such/config.yaml' does not exist")]
    public void Parse_BadInput_ThrowsCliExceptionSayingWhat(string[] args, string message)
    {
        Should.Throw<CliException>(() => Parse(args)).Message.ShouldBe(message);
    }
}
