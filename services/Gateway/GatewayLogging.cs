namespace ChatDapr.Gateway;

public static class GatewayLogging
{
    // ASP.NET Core's hosting layer logs every request line, query string included, at Information before any
    // middleware runs; for the hub that query string holds the access token, so those lines are never written.
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static ILoggingBuilder AddGatewayLogRules(this ILoggingBuilder logging) =>
        logging.AddFilter(HostingDiagnostics, LogLevel.Warning);
}
