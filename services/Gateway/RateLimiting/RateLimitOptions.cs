namespace ChatDapr.Gateway.RateLimiting;

// Bound from "Gateway:RateLimit": a token bucket per user for SendMessage on each gateway instance.
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    // How many sends a user may make in a burst.
    public int SendBurst { get; set; } = 20;

    // How many sends per second a user regains, up to the burst.
    public double SendsPerSecond { get; set; } = 5;
}
