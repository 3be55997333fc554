namespace ChatDapr.Messages.Storage;

// Keys of the messages service in chat-statestore (Dapr prefixes them with the app-id). One key per message keeps
// every value small and lets a page be read with one bulk get.
public static class StateKeys
{
    public static string Message(string roomId, long seq) => $"room:{roomId}:seq:{seq}";

    // The highest seq up to which the room's history is stored without a hole.
    public static string Contiguous(string roomId) => $"room:{roomId}:contiguous";

    public static string ReadMarker(string roomId, string userId) => $"room:{roomId}:read:{userId}";
}
