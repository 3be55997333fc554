namespace ChatDapr.Gateway.Accounts;

public static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UsersOptions>(configuration.GetSection(UsersOptions.Section));
        services.AddSingleton<AccountStore>();
        services.AddSingleton<IAccountLookup>(sp => sp.GetRequiredService<AccountStore>());
        services.AddSingleton<UserIndex>();
        services.AddSingleton<AccountService>();
        return services;
    }
}
