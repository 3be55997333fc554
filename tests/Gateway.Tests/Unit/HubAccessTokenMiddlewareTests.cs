using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Auth;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class HubAccessTokenMiddlewareTests
{
    private static async Task<HttpContext> RunAsync(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        await new HubAccessTokenMiddleware(_ => Task.CompletedTask).InvokeAsync(context);
        return context;
    }

    [Fact]
    public async Task Invoke_HubPath_TokenMovedOutOfQueryString()
    {
        var context = await RunAsync(HubRoutes.Chat + "/negotiate", "?negotiateVersion=1&access_token=secret.jwt.value&device=phone");

        HubAccessTokenMiddleware.TokenOf(context).ShouldBe("secret.jwt.value");
        context.Request.QueryString.Value!.ShouldNotContain("secret");
        context.Request.Query["negotiateVersion"].ToString().ShouldBe("1");
        context.Request.Query["device"].ToString().ShouldBe("phone");
    }

    [Fact]
    public async Task Invoke_OtherPath_TokenDroppedAndNotUsed()
    {
        var context = await RunAsync("/api/users/me", "?access_token=secret.jwt.value");

        HubAccessTokenMiddleware.TokenOf(context).ShouldBeNull();
        context.Request.QueryString.Value.ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Invoke_NoToken_QueryUntouched()
    {
        var context = await RunAsync(HubRoutes.Chat, "?id=abc");

        context.Request.QueryString.Value.ShouldBe("?id=abc");
    }
}
