using System.Net.Http.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Messages;

// Calls the messages service through Dapr service invocation: the HttpClient comes from
// DaprClient.CreateInvokeHttpClient(app-id "messages"), which sends every request through the sidecar. A 4xx answer
// becomes a ChatError, so the hub reports it like any other rule violation; 5xx stays an unexpected failure.
public sealed class DaprMessagesClient(HttpClient http) : IMessagesClient
{
    public Task<HistoryPage> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        PostAsync<HistoryQuery, HistoryPage>(MessagesRoutes.History, query, cancellationToken);

    public Task<IReadOnlyList<SyncResult>> SyncAsync(SyncQuery query, CancellationToken cancellationToken) =>
        PostAsync<SyncQuery, IReadOnlyList<SyncResult>>(MessagesRoutes.Sync, query, cancellationToken);

    public Task<ReadMarker> MarkReadAsync(ReadMarkerUpdate update, CancellationToken cancellationToken) =>
        PostAsync<ReadMarkerUpdate, ReadMarker>(MessagesRoutes.ReadMarkers, update, cancellationToken);

    public Task<IReadOnlyList<RoomReadState>> GetReadStateAsync(ReadStateQuery query, CancellationToken cancellationToken) =>
        PostAsync<ReadStateQuery, IReadOnlyList<RoomReadState>>(MessagesRoutes.ReadState, query, cancellationToken);

    public Task<IReadOnlyList<MemberReadMarker>> GetRoomReadMarkersAsync(RoomReadMarkersQuery query, CancellationToken cancellationToken) =>
        PostAsync<RoomReadMarkersQuery, IReadOnlyList<MemberReadMarker>>(MessagesRoutes.RoomReadMarkers, query, cancellationToken);

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, ChatJson.Options, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500)
            throw MessagesErrors.From(status, await response.Content.ReadAsStringAsync(cancellationToken));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TResponse>(ChatJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"the messages service answered {path} with an empty body");
    }
}
