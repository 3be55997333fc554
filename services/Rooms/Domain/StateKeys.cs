using System.Security.Cryptography;
using System.Text;

namespace ChatDapr.Rooms.Domain;

// Actor state layout of a room. Per-message keys keep every state value bounded however long the room lives;
// only the member list ("room") grows, and it is capped.
public static class StateKeys
{
    public const string Room = "room";
    public const string LastSeq = "last-seq";

    // The lowest seq whose idempotency record may still exist (everything below it has been pruned).
    public const string PruneCursor = "idem-prune-seq";

    // Messages are keyed by seq so reading a window of the log costs one read per message; edits find the seq
    // through the message id.
    public static string Message(long seq) => $"msg-{seq}";

    public static string MessageSeq(string messageId) => $"msgid-{messageId}";

    // Hashed because client message ids are free text: the key stays short and free of separators that
    // state stores compose keys with ("||").
    public static string Idempotency(string senderId, string clientMessageId)
    {
        var bytes = Encoding.UTF8.GetBytes($"{senderId.Length}:{senderId}{clientMessageId}");
        return "idem-" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
