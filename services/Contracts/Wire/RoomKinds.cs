namespace ChatDapr.Contracts.Wire;

/// <summary>Values of <see cref="Room.Kind"/>. Strings rather than an enum so JSON and MessagePack carry the same text.</summary>
public static class RoomKinds
{
    /// <summary>A group conversation with any number of members.</summary>
    public const string Group = "group";

    /// <summary>A 1:1 conversation: exactly two members, unique per pair, membership fixed.</summary>
    public const string Direct = "direct";

    /// <summary>Whether <paramref name="kind"/> is a known room kind.</summary>
    public static bool IsValid(string? kind) => kind is Group or Direct;
}
