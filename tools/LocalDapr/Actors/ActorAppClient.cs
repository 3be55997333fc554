using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>The calls the sidecar makes to its app's actor runtime (Dapr.Actors.AspNetCore <c>MapActorsHandlers</c>).</summary>
public sealed class ActorAppClient(AppChannel channel)
{
    /// <summary><c>PUT /actors/{type}/{id}/method/{method}</c>; Dapr always uses PUT towards the app, whatever the caller's verb.</summary>
    public async Task<ActorResponse> InvokeAsync(ActorKey key, string method, ActorRequest request, CancellationToken ct)
    {
        if (!channel.HasApp)
            throw new ActorApiException(500, "ERR_ACTOR_INVOKE_METHOD", "this sidecar has no app to host actors");
        var uri = new Uri($"actors/{Escape(key.Type)}/{Escape(key.Id)}/method/{method}", UriKind.Relative);
        using var message = request.ToHttp(HttpMethod.Put, new Uri(channel.Client.BaseAddress!, uri));
        using var response = await channel.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        return await ActorResponse.ReadAsync(response, ct);
    }

    public Task<ActorResponse> FireTimerAsync(ActorKey key, string name, byte[] body, CancellationToken ct) =>
        InvokeAsync(key, "timer/" + Escape(name), ActorRequest.Json(body), ct);

    public Task<ActorResponse> FireReminderAsync(ActorKey key, string name, byte[] body, CancellationToken ct) =>
        InvokeAsync(key, "remind/" + Escape(name), ActorRequest.Json(body), ct);

    /// <summary><c>DELETE /actors/{type}/{id}</c>: the app runs OnDeactivateAsync and drops the instance.</summary>
    public async Task<bool> DeactivateAsync(ActorKey key, CancellationToken ct)
    {
        if (!channel.HasApp)
            return false;
        using var response = await channel.Client.DeleteAsync($"actors/{Escape(key.Type)}/{Escape(key.Id)}", ct);
        return response.IsSuccessStatusCode;
    }

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}
