using ChatDapr.Contracts.Names;
using ChatDapr.Rooms.Actors;
using ChatDapr.ServiceDefaults;
using ChatDapr.Testing.Actors;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class RoomsHostTests
{
    [Fact]
    public async Task DaprConfig_RoomsHost_AdvertisesBothActorsAndActivatesThemFromDi()
    {
        await using var host = await ActorHostProbe.StartAsync(b => b.AddServiceDefaults().AddApplicationServices(), a => a.MapRooms());

        var config = await host.DaprConfigAsync(TestContext.Current.CancellationToken);

        config.ShouldContain($"\"{ActorTypes.RoomActor}\"");
        config.ShouldContain($"\"{ActorTypes.UserRoomsActor}\"");
        host.Activate<RoomActor>().StateManager.ShouldNotBeNull();
        host.Activate<UserRoomsActor>().StateManager.ShouldNotBeNull();
    }
}
