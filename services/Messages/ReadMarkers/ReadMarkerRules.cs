namespace ChatDapr.Messages.ReadMarkers;

public static class ReadMarkerRules
{
    // A marker never moves back and never passes the room's last message: a client cannot mark unsent messages read.
    public static long Next(long stored, long requested, long lastSeq) => Math.Max(stored, Math.Min(requested, lastSeq));
}
