namespace ChatDapr.Rooms;

// Limits of the room actor, bound from the "Rooms" configuration section.
public sealed class RoomsOptions
{
    public const string Section = "Rooms";

    // How long a (sender, clientMessageId) keeps answering with the same ack; the design requires at least 24 h.
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    // How many expired idempotency records one send may prune, so pruning never makes a send slow.
    public int PruneBatchSize { get; set; } = 16;

    // The member list is one state value rewritten on every membership change, so it is capped.
    public int MaxMembers { get; set; } = 5000;
}
