using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Auth;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

// The client contract of docs/api.md. Thin on purpose: every method names the caller and hands over to a service;
// ChatHubFilter adds rate limiting and error mapping around all of them.
[Authorize]
public sealed class ChatHub(
    ConnectionLifecycle lifecycle,
    RoomCommands rooms,
    MessageCommands messages,
    ReadQueries reads,
    PresenceQueries presence,
    TypingCommands typing) : Hub<IChatClient>
{
    // Optional query parameter naming the client's device (several connections of one device count as one).
    public const string DeviceQuery = "device";

    private string UserId => Context.User!.UserId();

    private CancellationToken Aborted => Context.ConnectionAborted;

    public override Task OnConnectedAsync() =>
        lifecycle.ConnectedAsync(UserId, Context.ConnectionId, Context.GetHttpContext()?.Request.Query[DeviceQuery], Groups, Aborted);

    public override Task OnDisconnectedAsync(Exception? exception) => lifecycle.DisconnectedAsync(UserId, Context.ConnectionId);

    public Task<Room> CreateRoom(CreateRoomRequest request) => rooms.CreateAsync(UserId, request, Aborted);

    public Task<Room> AddMembers(string roomId, string[] userIds) => rooms.AddMembersAsync(UserId, roomId, userIds, Aborted);

    public Task<Room> RemoveMember(string roomId, string userId) => rooms.RemoveMemberAsync(UserId, roomId, userId);

    public Task LeaveRoom(string roomId) => rooms.LeaveAsync(UserId, roomId);

    public Task<IReadOnlyList<RoomSummary>> GetRooms() => reads.GetRoomsAsync(UserId, Aborted);

    public Task<SendAck> SendMessage(SendMessageRequest request) => messages.SendAsync(UserId, request);

    public Task<Message> EditMessage(string roomId, string messageId, string text) => messages.EditAsync(UserId, roomId, messageId, text);

    public Task<MessageDeletedEvent> DeleteMessage(string roomId, string messageId) => messages.DeleteAsync(UserId, roomId, messageId);

    public Task<HistoryPage> GetHistory(string roomId, long? beforeSeq, int limit) =>
        reads.GetHistoryAsync(UserId, roomId, beforeSeq, limit, Aborted);

    public Task<IReadOnlyList<SyncResult>> Sync(SyncRequest[] requests) => reads.SyncAsync(UserId, requests, Aborted);

    public Task<ReadReceipt> MarkRead(string roomId, long seq) => reads.MarkReadAsync(UserId, roomId, seq, Aborted);

    public Task<IReadOnlyList<MemberReadMarker>> GetReadMarkers(string roomId) => reads.GetReadMarkersAsync(UserId, roomId, Aborted);

    public Task Typing(string roomId) => typing.TypingAsync(UserId, roomId, Aborted);

    public Task SetStatus(string status) => presence.SetStatusAsync(UserId, status);

    public Task<IReadOnlyList<PresenceInfo>> GetPresence(string[] userIds) => presence.GetPresenceAsync(userIds, Aborted);
}
