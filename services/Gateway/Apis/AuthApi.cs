using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Accounts;

namespace ChatDapr.Gateway.Apis;

public sealed record RegisterRequest(string? Username, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Username, string? Password);

// POST /api/auth/register and /api/auth/login (anonymous).
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.MapPost("/register", RegisterAsync);
        auth.MapPost("/login", LoginAsync);
        return app;
    }

    private static async Task<IResult> RegisterAsync(RegisterRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await accounts.RegisterAsync(request?.Username, request?.Password, request?.DisplayName, cancellationToken);
            return Results.Created($"/api/users/{profile.UserId}", profile);
        }
        catch (ChatError e)
        {
            return Problems.Result(e);
        }
    }

    private static async Task<IResult> LoginAsync(LoginRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(await accounts.LoginAsync(request?.Username, request?.Password, cancellationToken));
        }
        catch (ChatError e)
        {
            return Problems.Result(e);
        }
    }
}
