using ChatDapr.LocalDapr.Cli;
using ChatDapr.LocalDapr.Launcher;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Launcher;

public sealed class RunArgumentsTests
{
    [Fact]
    public void Parse_ProfileFlagEnvironmentAndDefault_InThatOrder()
    {
        using var files = new RunFiles();
        files.Write("version: 1");
        Func<string, string?> redisEnv = name => name == ProfileChoice.EnvironmentVariable ? "redis" : null;

        RunArguments.Parse(["-f", files.RunFile, "--profile", "kubernetes"], redisEnv).Profile.ShouldBe(new ProfileChoice("kubernetes", true));
        RunArguments.Parse(["-f", files.RunFile], redisEnv).Profile.ShouldBe(new ProfileChoice("redis", true));
        RunArguments.Parse(["-f", files.RunFile], _ => null).Profile.ShouldBe(new ProfileChoice("embedded", false));
    }

    [Fact]
    public void Parse_DirectoryAndTimeout_FindsItsDaprYaml()
    {
        using var files = new RunFiles();
        files.Write("version: 1");

        var args = RunArguments.Parse(["-f", files.Root, "--start-timeout", "90"], _ => null);

        (args.FilePath, args.StartTimeout).ShouldBe((Path.Combine(files.Root, "dapr.yaml"), TimeSpan.FromSeconds(90)));
    }

    [Theory]
    [InlineData(new[] { "-f", "/no/such/dapr.yaml" }, "run file '/no/such/dapr.yaml' does not exist (expected a dapr.yaml or a directory containing one)")]
    [InlineData(new[] { "--kubernetes" }, "unknown flag --kubernetes for 'localdapr run'")]
    [InlineData(new[] { "--start-timeout", "soon" }, "--start-timeout must be a number of seconds, got 'soon'")]
    public void Parse_BadInput_ThrowsCliException(string[] args, string message)
    {
        Should.Throw<CliException>(() => RunArguments.Parse(args, _ => null)).Message.ShouldBe(message);
    }
}
