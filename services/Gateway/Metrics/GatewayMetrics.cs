using System.Diagnostics.Metrics;
using ChatDapr.ServiceDefaults;

namespace ChatDapr.Gateway.Metrics;

// The gateway's instruments on the shared ChatDapr meter.
public sealed class GatewayMetrics
{
    private readonly Counter<long> sends = Telemetry.Meter.CreateCounter<long>(
        "chatdapr.gateway.sends", description: "Messages acknowledged to senders");
    private readonly Counter<long> deliveries = Telemetry.Meter.CreateCounter<long>(
        "chatdapr.gateway.deliveries", description: "Fan-out events delivered to this instance's connections");
    private readonly UpDownCounter<long> connections = Telemetry.Meter.CreateUpDownCounter<long>(
        "chatdapr.gateway.connections", description: "Open hub connections");
    private readonly Counter<long> errors = Telemetry.Meter.CreateCounter<long>(
        "chatdapr.gateway.errors", description: "Hub calls that failed, by error code");

    public void Sent() => sends.Add(1);

    public void Delivered(string topic) => deliveries.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void Connected() => connections.Add(1);

    public void Disconnected() => connections.Add(-1);

    public void Failed(string code) => errors.Add(1, new KeyValuePair<string, object?>("code", code));
}
