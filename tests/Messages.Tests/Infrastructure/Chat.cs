using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Messages.Tests.Infrastructure;

// Short forms of what the gateway does, so service tests read as scenarios.
public static class Chat
{
    // Every await of a test has a deadline and follows the test's cancellation.
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(ChatCluster.Timeout, TestContext.Current.CancellationToken);

    public static Task Within(this Task task) => task.WaitAsync(ChatCluster.Timeout, TestContext.Current.CancellationToken);

    public static async Task<string> CreateGroupAsync(this ChatCluster cluster, string owner, params string[] members)
    {
        var roomId = RoomIds.NewGroup();
        await cluster.Room(roomId).CreateAsync(new CreateRoomCommand("team", RoomKinds.Group, owner, members)).Within();
        return roomId;
    }

    public static Task<SendResult> SendAsync(this ChatCluster cluster, string roomId, string sender, string clientMessageId, string text) =>
        cluster.Room(roomId).SendMessageAsync(new SendCommand(sender, clientMessageId, text)).Within();

    public static async Task<long> LastSeqAsync(this ChatCluster cluster, string roomId) =>
        (await cluster.Room(roomId).GetRoomAsync().Within()).LastSeq;

    // History as the gateway asks for it: lastSeq fresh from the room actor.
    public static async Task<HistoryPage> HistoryAsync(this ChatCluster cluster, string roomId, int limit = 50, long? beforeSeq = null) =>
        await cluster.InvokeMessagesAsync<HistoryQuery, HistoryPage>(
            MessagesRoutes.History, new HistoryQuery(roomId, beforeSeq, limit, await cluster.LastSeqAsync(roomId)));

    public static async Task<IReadOnlyList<string>> TextsAsync(this ChatCluster cluster, string roomId) =>
        (await cluster.HistoryAsync(roomId)).Messages.Select(m => m.Text).ToList();
}
