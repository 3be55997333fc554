using ChatDapr.Contracts.Names;
using ChatDapr.Rooms.Actors;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing;
using Dapr.Actors.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class RoomsHostTests
{
    [Fact]
    public async Task DaprConfig_RoomsHost_AdvertisesBothActorsAndActivatesThemFromDi()
    {
        var port = Ports.Free();
        await using var app = await TestApp.StartAsync(port,
            b => b.AddServiceDefaults().AddApplicationServices(),
            a => a.MapRooms());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var config = await http.GetStringAsync($"http://127.0.0.1:{port}/dapr/config", TestContext.Current.CancellationToken);

        config.ShouldContain($"\"{ActorTypes.RoomActor}\"");
        config.ShouldContain($"\"{ActorTypes.UserRoomsActor}\"");
        // The same construction the actor runtime uses: ActorHost given, everything else from DI.
        var create = ActivatorUtilities.CreateFactory(typeof(RoomActor), [typeof(ActorHost)]);
        var actor = create(app.Services, [ActorHost.CreateForTest<RoomActor>()]);
        actor.ShouldBeOfType<RoomActor>().StateManager.ShouldNotBeNull();
        var createUserRooms = ActivatorUtilities.CreateFactory(typeof(UserRoomsActor), [typeof(ActorHost)]);
        createUserRooms(app.Services, [ActorHost.CreateForTest<UserRoomsActor>()]).ShouldBeOfType<UserRoomsActor>();
    }
}
