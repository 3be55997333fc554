namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// The traffic of a run: clients spread over the gateways, overlapping rooms, every client sending into its rooms at a
/// steady pace until <see cref="TargetAcks"/> sends were acked. Sized so a run is 20-40 s on a loaded 2-core machine.
/// </summary>
public sealed record RunShape
{
    public int Clients { get; init; } = 10;
    public int Rooms { get; init; } = 4;
    public int MembersPerRoom { get; init; } = 5;
    public TimeSpan SendInterval { get; init; } = TimeSpan.FromMilliseconds(600);
    public int TargetAcks { get; init; } = 300;
    public double AckDropRate { get; init; } = 0.05;

    /// <summary>How many clients (the first ones) are slow consumers, taking a seeded time over every live event.</summary>
    public int SlowConsumers { get; init; }

    public TimeSpan SlowReceiveMin { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan SlowReceiveMax { get; init; } = TimeSpan.FromMilliseconds(200);
}
