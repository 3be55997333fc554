using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatDapr.Testing;

/// <summary>An ASP.NET Core app hosted in the test process on a free loopback port (a real Kestrel server, not TestServer).</summary>
public static class TestApp
{
    public static async Task<WebApplication> StartAsync(int port, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Like <see cref="StartAsync"/> on a port the OS picks while binding (port 0), so no other process can take it
    /// between choosing and binding — for callers that need not name the port before the app starts.
    /// </summary>
    public static async Task<(WebApplication App, int Port)> StartOnFreePortAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var app = await StartAsync(0, configure, map);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address).Port);
    }
}
