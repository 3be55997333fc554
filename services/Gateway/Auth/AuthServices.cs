using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Auth;

public static class AuthServices
{
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        // PBKDF2 iterations; the default is the framework's (100,000). Tests lower it to keep registration fast.
        services.Configure<PasswordHasherOptions>(configuration.GetSection("Gateway:PasswordHasher"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddHostedService<SigningKeyWarmup>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization();
        return services;
    }
}
