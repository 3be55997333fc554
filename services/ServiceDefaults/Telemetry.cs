using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatDapr.ServiceDefaults;

/// <summary>One activity source and one meter for all ChatDapr code, so exporters need a single name.</summary>
public static class Telemetry
{
    public const string ActivitySourceName = "ChatDapr";
    public const string MeterName = "ChatDapr";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
