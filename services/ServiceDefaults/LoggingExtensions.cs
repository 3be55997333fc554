using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatDapr.ServiceDefaults;

internal static class LoggingExtensions
{
    /// <summary>Logs go to OTLP only when an endpoint is configured; locally the console is enough.</summary>
    public static void AddOpenTelemetryIfExporting(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            return;
        logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
    }
}
