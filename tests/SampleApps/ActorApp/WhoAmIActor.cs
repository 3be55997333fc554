using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace ChatDapr.SampleApps.ActorApp;

public interface IWhoAmIActor : IActor
{
    Task<string> WhoAmI();
}

/// <summary>Answers which app instance hosts it, so a test can see where placement put each actor.</summary>
public sealed class WhoAmIActor(ActorHost host) : Actor(host), IWhoAmIActor
{
    public const string TypeName = "WhoAmIActor";

    public Task<string> WhoAmI() => Task.FromResult(Environment.GetEnvironmentVariable("INSTANCE") ?? "unknown");
}
