namespace ChatDapr.Gateway.Connections;

// Bound from the same "Presence" section as the presence service: both must agree on the interval, because the
// presence actor expires a connection after two missed heartbeats.
public sealed class HeartbeatOptions
{
    public const string Section = "Presence";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    // How many presence actors one heartbeat round calls at once.
    public int MaxParallelCalls { get; set; } = 16;
}
