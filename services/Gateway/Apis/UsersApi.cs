using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Auth;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace ChatDapr.Gateway.Apis;

// GET /api/users?search=prefix, /api/users/me, /api/users/{userId} (bearer token required).
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization();
        users.MapGet("", SearchAsync);
        users.MapGet("/me", (ClaimsPrincipal user, AccountStore store, CancellationToken ct) => GetAsync(user.UserId(), store, ct));
        users.MapGet("/{userId}", GetAsync);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        string? search, UserIndex index, IOptions<UsersOptions> options, CancellationToken cancellationToken)
    {
        var prefix = AccountRules.NormalizeUsername(search);
        if (prefix.Length is 0 or > AccountRules.MaxUsername)
            return Problems.Result(ChatErrorCodes.Invalid, $"search must be 1-{AccountRules.MaxUsername} characters");
        return Results.Ok(await index.SearchAsync(prefix, options.Value.MaxSearchResults, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string userId, AccountStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(userId, cancellationToken) is { } account
            ? Results.Ok(UserProfile.Of(account))
            : Problems.Result(ChatErrorCodes.NotFound, "no such user");
}
