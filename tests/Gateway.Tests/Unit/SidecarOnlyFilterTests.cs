using System.Net;
using ChatDapr.Gateway.Fanout;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class SidecarOnlyFilterTests
{
    private static SidecarOnlyFilter Filter(string? appToken = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection([new("APP_API_TOKEN", appToken)]).Build());

    private static HttpContext Request(string address, string? token = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (token is not null)
            context.Request.Headers[SidecarOnlyFilter.ApiTokenHeader] = token;
        return context;
    }

    [Fact]
    public void IsSidecar_NoTokenConfigured_OnlyLoopback()
    {
        Filter().IsSidecar(Request("127.0.0.1")).ShouldBeTrue();
        Filter().IsSidecar(Request("::1")).ShouldBeTrue();
        Filter().IsSidecar(Request("203.0.113.9")).ShouldBeFalse();
    }

    [Fact]
    public void IsSidecar_TokenConfigured_TokenRequiredEvenFromLoopback()
    {
        var filter = Filter("app-secret");

        filter.IsSidecar(Request("10.0.0.5", "app-secret")).ShouldBeTrue();
        filter.IsSidecar(Request("127.0.0.1")).ShouldBeFalse();
        filter.IsSidecar(Request("127.0.0.1", "wrong")).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_Stranger_403AndHandlerNotRun()
    {
        var ran = false;
        var context = new DefaultEndpointFilterInvocationContext(Request("198.51.100.1"));

        var result = await Filter().InvokeAsync(context, _ =>
        {
            ran = true;
            return ValueTask.FromResult<object?>(Results.Ok());
        });

        ran.ShouldBeFalse();
        result.ShouldBeAssignableTo<IStatusCodeHttpResult>()!.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }
}
