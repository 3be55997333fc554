using ChatDapr.Contracts.Errors;

namespace ChatDapr.Reliability.Tests.Checking;

// What a run records. Times are offsets on the history's monotonic clock; Client names one client (one user, one
// device); Connection names one hub connection of it, so per-connection order can be checked across reconnects.
public abstract record HistoryEvent(TimeSpan At, string Client);

/// <summary>Every attempt of a send, first and retries alike: retries reuse the clientMessageId.</summary>
public sealed record SendInvoked(TimeSpan At, string Client, string RoomId, string ClientMessageId, int Attempt) : HistoryEvent(At, Client);

public sealed record SendAcked(TimeSpan At, string Client, string RoomId, string ClientMessageId, string MessageId, long Seq) : HistoryEvent(At, Client);

/// <summary>An ack the server sent that the client model threw away on purpose, so the send is retried with the same id.</summary>
public sealed record AckDropped(TimeSpan At, string Client, string RoomId, string ClientMessageId, string MessageId, long Seq) : HistoryEvent(At, Client);

public sealed record SendFailed(TimeSpan At, string Client, string RoomId, string ClientMessageId, string Reason) : HistoryEvent(At, Client)
{
    /// <summary>The server refused the sender as a non-member: a final answer, the send is not retried.</summary>
    public bool Forbidden => Reason.StartsWith(ChatErrorCodes.Forbidden, StringComparison.Ordinal);
}

public sealed record SendTimedOut(TimeSpan At, string Client, string RoomId, string ClientMessageId) : HistoryEvent(At, Client);

public enum ReceiptSource { Live, Sync }

/// <summary>
/// A message as it arrived, before de-duplication. <see cref="ClientMessageId"/> is read from the text the sender
/// wrote (null when the text is not one a run sends).
/// </summary>
public sealed record Received(TimeSpan At, string Client, string Connection, string RoomId, long Seq, string MessageId,
    string? ClientMessageId, ReceiptSource Source) : HistoryEvent(At, Client);

/// <summary>A message put on screen by the client model (after de-duplication by roomId and seq).</summary>
public sealed record Displayed(TimeSpan At, string Client, string RoomId, long Seq, string MessageId, string? ClientMessageId) : HistoryEvent(At, Client);

public sealed record ReconnectStarted(TimeSpan At, string Client) : HistoryEvent(At, Client);

public sealed record ReconnectEnded(TimeSpan At, string Client, string Gateway) : HistoryEvent(At, Client);

public enum ResyncReason { Reconnect, Gap, Final }

/// <summary>One Sync round of a client: how many messages it brought back.</summary>
public sealed record Resynced(TimeSpan At, string Client, ResyncReason Reason, int Messages) : HistoryEvent(At, Client);

/// <summary>The client starts its final Sync from 0; what it shows after this, its own recovery had not shown.</summary>
public sealed record FinalSyncStarted(TimeSpan At, string Client) : HistoryEvent(At, Client);

public sealed record MemberJoined(TimeSpan At, string Client, string RoomId) : HistoryEvent(At, Client);

public sealed record MemberLeft(TimeSpan At, string Client, string RoomId) : HistoryEvent(At, Client);

// Membership changed under load by a hub call (RemoveMember or LeaveRoom; AddMembers) that By made: the change took
// effect at some moment between Requested (the call's first attempt) and At (its answer), so the checker treats the
// window as "may be either" and only judges what happened wholly before or after it.
public sealed record MemberRemoved(TimeSpan At, string Client, string RoomId, string By, TimeSpan Requested) : HistoryEvent(At, Client);

public sealed record MemberAdded(TimeSpan At, string Client, string RoomId, string By, TimeSpan Requested) : HistoryEvent(At, Client);

/// <summary>A fault window; Client is the fault's name ("kill gateway#1"). A kill starts and ends at once.</summary>
public sealed record FaultStarted(TimeSpan At, string Client) : HistoryEvent(At, Client);

public sealed record FaultEnded(TimeSpan At, string Client) : HistoryEvent(At, Client);
