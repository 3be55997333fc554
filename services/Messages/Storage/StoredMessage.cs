using ChatDapr.Contracts.Wire;

namespace ChatDapr.Messages.Storage;

// A message as the history keeps it, with the version that produced it (1 at post, +1 per edit or delete). Events
// and room-log reads of one message may arrive in any order; the version decides which copy wins.
public sealed record StoredMessage(Message Message, long Version)
{
    public bool IsNewerThan(StoredMessage? other) => other is null || Version > other.Version;
}
