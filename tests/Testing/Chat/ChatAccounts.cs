using System.Net.Http.Json;
using System.Text.Json;

namespace ChatDapr.Testing.Chat;

/// <summary>Registers and logs in a fresh user over the gateway's REST API, as a client app would.</summary>
public static class ChatAccounts
{
    public const string Password = "correct horse battery";

    public static async Task<TestUser> RegisterAsync(Uri gateway, string prefix = "u", string? displayName = null)
    {
        var username = prefix.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..12];
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        using var registered = await http.PostAsJsonAsync("api/auth/register", new { username, password = Password, displayName = displayName ?? "User " + prefix });
        registered.EnsureSuccessStatusCode();
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        using var login = await http.PostAsJsonAsync("api/auth/login", new { username, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return new TestUser(userId, username, Password, token);
    }
}
