using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Launcher;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Launcher;

public sealed class ProfileResolverTests
{
    private static readonly SourceLocation At = new("dapr.yaml", 4);

    [Fact]
    public void Resolve_ProfilePlaceholder_ReplacedByTheProfile()
    {
        using var files = new RunFiles("embedded", "redis");

        ProfileResolver.Resolve(Path.Combine(files.Root, "components/{profile}"), new ProfileChoice("redis", false), At)
            .ShouldBe(Path.Combine(files.Root, "components", "redis"));
    }

    [Fact]
    public void Resolve_ComponentsFolderOfProfiles_PicksTheProfileSubfolder()
    {
        using var files = new RunFiles("embedded", "redis");

        ProfileResolver.Resolve(Path.Combine(files.Root, "components"), new ProfileChoice("embedded", false), At)
            .ShouldBe(Path.Combine(files.Root, "components", "embedded"));
    }

    [Fact]
    public void Resolve_ConcreteProfileFolder_KeptUnlessAProfileIsChosenExplicitly()
    {
        using var files = new RunFiles("embedded", "redis");
        var embedded = Path.Combine(files.Root, "components", "embedded");

        ProfileResolver.Resolve(embedded, new ProfileChoice("embedded", Explicit: false), At).ShouldBe(embedded);
        ProfileResolver.Resolve(embedded, new ProfileChoice("redis", Explicit: true), At).ShouldBe(Path.Combine(files.Root, "components", "redis"));
    }

    [Fact]
    public void Resolve_OtherFolder_UsedAsWritten()
    {
        using var files = new RunFiles();
        var own = files.Dir("resources");

        ProfileResolver.Resolve(own, new ProfileChoice("redis", Explicit: true), At).ShouldBe(own);
    }

    [Fact]
    public void Resolve_UnknownProfile_ErrorListsTheExistingOnes()
    {
        using var files = new RunFiles("embedded", "redis", "kubernetes");

        var error = Should.Throw<ResourceLoadException>(() =>
            ProfileResolver.Resolve(Path.Combine(files.Root, "components/{profile}"), new ProfileChoice("kafka", true), At));

        error.Location.ShouldBe(At);
        error.Message.ShouldContain("profile 'kafka' not found");
        error.Message.ShouldEndWith($"Profiles in {Path.Combine(files.Root, "components")}: embedded, kubernetes, redis");
    }
}
