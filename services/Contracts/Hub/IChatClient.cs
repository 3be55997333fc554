using ChatDapr.Contracts.Wire;

namespace ChatDapr.Contracts.Hub;

/// <summary>
/// Server → client events of the chat hub (<c>ChatHub : Hub&lt;IChatClient&gt;</c>); the method names are the
/// event names clients subscribe to.
/// </summary>
public interface IChatClient
{
    /// <summary>A new message in one of the user's rooms; clients de-duplicate by (roomId, seq).</summary>
    Task MessageReceived(Message message);

    /// <summary>A message was edited; <c>message.Seq</c> is the message's original seq.</summary>
    Task MessageEdited(Message message);

    /// <summary>A message was deleted.</summary>
    Task MessageDeleted(MessageDeletedEvent deleted);

    /// <summary>A room the user belongs to was created or changed.</summary>
    Task RoomUpdated(Room room);

    /// <summary>Someone joined one of the user's rooms.</summary>
    Task MemberJoined(MemberEvent member);

    /// <summary>Someone left one of the user's rooms (or the user was removed).</summary>
    Task MemberLeft(MemberEvent member);

    /// <summary>A member read a room up to a seq.</summary>
    Task ReadReceipt(ReadReceipt receipt);

    /// <summary>A member started typing.</summary>
    Task TypingStarted(TypingStarted typing);

    /// <summary>A contact's visible presence changed.</summary>
    Task PresenceChanged(PresenceInfo presence);
}
