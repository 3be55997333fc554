namespace ChatDapr.Presence;

// Bound from the "Presence" configuration section; gateways must heartbeat at the same interval.
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    // Two missed intervals rather than one, so a single late heartbeat does not flap the user offline.
    public TimeSpan ConnectionTimeout => HeartbeatInterval * 2;
}
