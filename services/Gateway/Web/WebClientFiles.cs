using Microsoft.Extensions.FileProviders;

namespace ChatDapr.Gateway.Web;

// The browser client (clients/web) is built by npm into clients/web/dist, outside the gateway project, so that
// `dotnet build` never depends on node. When that build exists the gateway serves it; otherwise wwwroot's
// placeholder page, which says how to build the client.
public static partial class WebClientFiles
{
    public const string WebRootKey = "Gateway:WebRoot";

    // Relative to the gateway's content root (services/Gateway when run by `make run`).
    public const string DefaultWebRoot = "../../clients/web/dist";

    /// <summary>The built client's folder when it holds an index.html, else null.</summary>
    public static string? ResolveClientFolder(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[WebRootKey];
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultWebRoot : configured, contentRoot);
        return File.Exists(Path.Combine(folder, "index.html")) ? folder : null;
    }

    public static WebApplication UseWebClient(this WebApplication app)
    {
        var folder = ResolveClientFolder(app.Configuration, app.Environment.ContentRootPath);
        if (folder is null)
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        LogServingClient(app.Logger, folder);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the web client from {Folder}")]
    private static partial void LogServingClient(ILogger logger, string folder);
}
