using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Apis;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Auth;

// JwtBearer for REST (Authorization: Bearer) and the hub (the token the middleware took out of the query string).
internal sealed class ConfigureJwtBearer(SigningKeyProvider keys, IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        // Keep "sub" and "name" as issued instead of mapping them to long WS-* claim URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = TokenValidation.Parameters(auth.Value, keys);
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                context.Token ??= HubAccessTokenMiddleware.TokenOf(context.HttpContext);
                // Validation resolves the key synchronously, so make sure it is loaded first.
                await keys.GetAsync(context.HttpContext.RequestAborted);
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await Problems.Write(context.HttpContext, ChatErrorCodes.Unauthorized, "a valid access token is required");
            },
        };
    }
}
