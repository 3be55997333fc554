using ChatDapr.Contracts.Names;
using ChatDapr.Presence.Actors;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing.Actors;
using Shouldly;

namespace ChatDapr.Presence.Tests;

public sealed class PresenceHostTests
{
    [Fact]
    public async Task DaprConfig_PresenceHost_AdvertisesPresenceActorAndActivatesItFromDi()
    {
        await using var host = await ActorHostProbe.StartAsync(b => b.AddServiceDefaults().AddApplicationServices(), a => a.MapPresence());

        var config = await host.DaprConfigAsync(TestContext.Current.CancellationToken);

        config.ShouldContain($"\"{ActorTypes.PresenceActor}\"");
        host.Activate<PresenceActor>().StateManager.ShouldNotBeNull();
    }
}
