namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// Random (version 4) UUIDs for CloudEvent and bulk entry ids. Ids need to be unique, not unguessable, so they come
/// from <see cref="Random.Shared"/>: Guid.NewGuid asks the OS for secure random bytes, a read of /dev/urandom (a system
/// call) on every publish here.
/// </summary>
internal static class EventIds
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
