using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Tests.Harness;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class AuthApiTests(ClusterFixture fixture)
{
    private GatewayNode Gateway => fixture.Gateway0;

    [Fact]
    public async Task Register_NewUsername_Returns201WithProfile()
    {
        var username = GatewayNode.NewUsername();

        using var response = await Gateway.RegisterAsync(username, displayName: "Alice A.");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var profile = (await response.Content.ReadFromJsonAsync<UserProfile>(TestContext.Current.CancellationToken))!;
        profile.Username.ShouldBe(username);
        profile.DisplayName.ShouldBe("Alice A.");
        profile.UserId.ShouldNotBeNullOrWhiteSpace();
        response.Headers.Location!.ToString().ShouldBe($"/api/users/{profile.UserId}");
    }

    [Fact]
    public async Task Register_TakenUsernameInOtherCase_Returns409Conflict()
    {
        var username = GatewayNode.NewUsername();
        using var first = await Gateway.RegisterAsync(username);
        first.EnsureSuccessStatusCode();

        // The second instance answers too: uniqueness lives in the shared state store, not in one process.
        using var second = await fixture.Gateway1.RegisterAsync(username.ToUpperInvariant());

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemTypeAsync(second)).ShouldBe("conflict");
    }

    [Fact]
    public async Task Register_ConcurrentSameUsername_ExactlyOneWins()
    {
        var username = GatewayNode.NewUsername();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fixture.Cluster.Gateways[i % 2].RegisterAsync(username)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
    }

    [Theory]
    [InlineData("ab", "long enough pw")]
    [InlineData("has space", "long enough pw")]
    [InlineData("{fresh}", "short")]
    public async Task Register_InvalidInput_Returns400Invalid(string username, string password)
    {
        using var response = await Gateway.RegisterAsync(username.Replace("{fresh}", GatewayNode.NewUsername()), password);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemTypeAsync(response)).ShouldBe("invalid");
    }

    [Fact]
    public async Task Login_RightPassword_ReturnsTokenForTheUser()
    {
        var user = await Gateway.NewUserAsync();

        using var login = await fixture.Gateway1.LoginAsync(user.Username);

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await login.Content.ReadFromJsonAsync<LoginResult>(TestContext.Current.CancellationToken))!;
        result.UserId.ShouldBe(user.UserId);
        result.AccessToken.Split('.').Length.ShouldBe(3);
        result.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401Unauthorized()
    {
        var user = await Gateway.NewUserAsync();

        using var login = await Gateway.LoginAsync(user.Username, "not the password");

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemTypeAsync(login)).ShouldBe("unauthorized");
    }

    [Fact]
    public async Task Login_UnknownUser_Returns401Unauthorized()
    {
        using var login = await Gateway.LoginAsync(GatewayNode.NewUsername("nobody"));

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    internal static async Task<string?> ProblemTypeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var type = problem.RootElement.GetProperty("type").GetString();
        problem.RootElement.GetProperty("detail").GetString().ShouldStartWith(type + ": ");
        return type;
    }
}
