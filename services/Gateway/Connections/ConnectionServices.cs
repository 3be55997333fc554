using ChatDapr.Contracts;
using ChatDapr.Gateway.Chat;
using ChatDapr.ServiceDefaults;
using Dapr;
using Dapr.Actors.Client;

namespace ChatDapr.Gateway.Connections;

public static class ConnectionServices
{
    // An actor call that takes longer than this fails instead of holding a hub call open.
    public static readonly TimeSpan ActorCallTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HeartbeatOptions>(configuration.GetSection(HeartbeatOptions.Section));
        // JSON like the rooms and presence hosts (UseJsonSerialization there): the contract records have no
        // parameterless constructors for DataContract remoting. Endpoint and token come from IConfiguration, as for
        // the DaprClient.
        services.AddSingleton<IActorProxyFactory>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            return new CachingActorProxyFactory(new ActorProxyFactory(new ActorProxyOptions
            {
                UseJsonSerialization = true,
                JsonSerializerOptions = new(ChatJson.Options),
                HttpEndpoint = DaprDefaults.GetDefaultHttpEndpoint(config),
                DaprApiToken = DaprDefaults.GetDefaultDaprApiToken(config),
                RequestTimeout = ActorCallTimeout,
            }));
        });
        services.AddSingleton<IChatActors, DaprChatActors>();
        services.AddSingleton<GatewayInstance>();
        services.AddSingleton<LocalMembership>();
        services.AddSingleton<RoomGroups>();
        services.AddSingleton<ConnectionLifecycle>();
        services.AddHostedService<PresenceHeartbeat>();
        return services;
    }
}
