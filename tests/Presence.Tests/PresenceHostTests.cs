using ChatDapr.Contracts.Names;
using ChatDapr.Presence.Actors;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing;
using Dapr.Actors.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.Presence.Tests;

public sealed class PresenceHostTests
{
    [Fact]
    public async Task DaprConfig_PresenceHost_AdvertisesPresenceActorAndActivatesItFromDi()
    {
        var port = Ports.Free();
        await using var app = await TestApp.StartAsync(port,
            b => b.AddServiceDefaults().AddApplicationServices(),
            a => a.MapPresence());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var config = await http.GetStringAsync($"http://127.0.0.1:{port}/dapr/config", TestContext.Current.CancellationToken);

        config.ShouldContain($"\"{ActorTypes.PresenceActor}\"");
        var create = ActivatorUtilities.CreateFactory(typeof(PresenceActor), [typeof(ActorHost)]);
        create(app.Services, [ActorHost.CreateForTest<PresenceActor>()]).ShouldBeOfType<PresenceActor>();
    }
}
