namespace ChatDapr.Gateway.Fanout;

public static class FanoutServices
{
    public static IServiceCollection AddFanout(this IServiceCollection services)
    {
        services.AddSingleton<RecentEvents>();
        services.AddSingleton<SidecarOnlyFilter>();
        services.AddSingleton<MemberFanout>();
        services.AddSingleton<MessagePostedHandler>();
        services.AddSingleton<MessageEditedHandler>();
        services.AddSingleton<MessageDeletedHandler>();
        services.AddSingleton<MemberJoinedHandler>();
        services.AddSingleton<MemberLeftHandler>();
        services.AddSingleton<RoomUpdatedHandler>();
        services.AddSingleton<ReadMarkerUpdatedHandler>();
        services.AddSingleton<PresenceChangedHandler>();
        services.AddSingleton<TypingStartedHandler>();
        return services;
    }
}
