using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Apis;
using Microsoft.AspNetCore.Builder;

namespace ChatDapr.Gateway.Tests.Harness;

// One running gateway instance (the real app on a loopback port, beside its own sidecar).
public sealed class GatewayNode(WebApplication app, int port) : IDisposable
{
    public const string Password = "correct horse battery";

    public WebApplication App { get; } = app;
    public Uri BaseUri { get; } = new($"http://127.0.0.1:{port}");
    public Uri HubUri => new(BaseUri, HubRoutes.Chat);
    public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    public static string NewUsername(string prefix = "u") => prefix + Guid.NewGuid().ToString("N")[..16];

    public Task<HttpResponseMessage> RegisterAsync(string username, string password = Password, string? displayName = null) =>
        Http.PostAsJsonAsync("/api/auth/register", new RegisterRequest(username, password, displayName ?? "User " + username));

    public Task<HttpResponseMessage> LoginAsync(string username, string password = Password) =>
        Http.PostAsJsonAsync("/api/auth/login", new LoginRequest(username, password));

    // A registered, logged-in user of its own.
    public async Task<TestUser> NewUserAsync(string prefix = "u")
    {
        var username = NewUsername(prefix);
        using var registered = await RegisterAsync(username);
        registered.EnsureSuccessStatusCode();
        var profile = (await registered.Content.ReadFromJsonAsync<UserProfile>())!;
        using var login = await LoginAsync(username);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<LoginResult>())!;
        return new TestUser(profile.UserId, username, Password, token.AccessToken);
    }

    public Task<ChatClient> ConnectAsync(TestUser user, WireProtocol protocol = WireProtocol.Json) =>
        ChatClient.ConnectAsync(HubUri, user.AccessToken, protocol);

    public async Task<HttpResponseMessage> GetAsync(string path, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
