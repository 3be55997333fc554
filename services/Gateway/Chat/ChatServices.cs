using ChatDapr.Gateway.Metrics;
using ChatDapr.Gateway.RateLimiting;

namespace ChatDapr.Gateway.Chat;

public static class ChatServices
{
    // The services behind the hub methods.
    public static IServiceCollection AddChatServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.Configure<TypingOptions>(configuration.GetSection(TypingOptions.Section));
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomCommands>();
        services.AddSingleton<MessageCommands>();
        services.AddSingleton<ReadQueries>();
        services.AddSingleton<PresenceQueries>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<TypingCommands>();
        return services;
    }
}
