namespace ChatDapr.Testing.Faults;

/// <summary>
/// What a <see cref="TcpProxy"/> link does to bytes right now. Immutable and swapped whole, so a pump reading it
/// mid-chunk never sees half of a change.
/// </summary>
internal sealed record LinkState(TimeSpan Delay, bool Blackholed)
{
    public static readonly LinkState PassThrough = new(TimeSpan.Zero, false);
}
