namespace ChatDapr.Testing.Systems;

/// <summary>Settings a test gives the whole system it starts (passed to every app as environment).</summary>
public sealed record ChatSystemOptions
{
    /// <summary>
    /// The gateway's per-user send bucket. Scenarios send bursts faster than a person types, so the default is
    /// generous; the limiter itself has its own tests, and a test of the rate-limited experience lowers it.
    /// </summary>
    public int SendBurst { get; init; } = 1000;

    public double SendsPerSecond { get; init; } = 1000;

    /// <summary>
    /// Presence heartbeats (gateway and presence actor). Short by default so a killed gateway's connections expire within
    /// seconds; null keeps the apps' own default, as <c>make run</c> does (a benchmark should not pay for fast expiry).
    /// </summary>
    public TimeSpan? PresenceHeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where the components reach Redis instead of the test's server itself: a fault proxy in front of it
    /// (<see cref="Faults.TcpProxy"/>), so a link can be delayed, cut or reset while the server stays up.
    /// </summary>
    public string? RedisAddress { get; init; }
}
