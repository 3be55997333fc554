namespace ChatDapr.Contracts.Messages;

/// <summary>Bounds of the messages API; a request beyond them is answered with an <c>invalid</c> problem.</summary>
public static class MessagesLimits
{
    /// <summary>The most messages one history page, or one room of a sync, returns.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The most rooms one sync request names.</summary>
    public const int MaxSyncRooms = 500;

    /// <summary>The most rooms one read-state request names.</summary>
    public const int MaxReadStateRooms = 1000;

    /// <summary>The most users one room-read-markers request names (a bigger room is asked in chunks).</summary>
    public const int MaxRoomReadMarkersUsers = 1000;
}
