using System.Net;
using System.Net.Http.Json;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Tests.Harness;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class UsersApiTests(ClusterFixture fixture)
{
    private GatewayNode Gateway => fixture.Gateway0;

    [Fact]
    public async Task Me_BearerToken_ReturnsOwnProfile()
    {
        var user = await Gateway.NewUserAsync();

        using var response = await fixture.Gateway1.GetAsync("/api/users/me", user.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var profile = (await response.Content.ReadFromJsonAsync<UserProfile>(TestContext.Current.CancellationToken))!;
        profile.UserId.ShouldBe(user.UserId);
        profile.Username.ShouldBe(user.Username);
    }

    [Fact]
    public async Task Me_NoToken_Returns401Problem()
    {
        using var response = await Gateway.GetAsync("/api/users/me", accessToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuthApiTests.ProblemTypeAsync(response)).ShouldBe("unauthorized");
    }

    [Fact]
    public async Task Search_Prefix_FindsMatchingUsersSortedByUsername()
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        foreach (var suffix in new[] { "c", "a", "b" })
            (await Gateway.RegisterAsync(prefix + suffix)).EnsureSuccessStatusCode();
        var caller = await Gateway.NewUserAsync();

        using var response = await fixture.Gateway1.GetAsync($"/api/users?search={prefix.ToUpperInvariant()}", caller.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var found = (await response.Content.ReadFromJsonAsync<List<UserProfile>>(TestContext.Current.CancellationToken))!;
        found.Select(p => p.Username).ShouldBe([prefix + "a", prefix + "b", prefix + "c"]);
    }

    [Fact]
    public async Task Search_EmptyPrefix_Returns400Invalid()
    {
        var caller = await Gateway.NewUserAsync();

        using var response = await Gateway.GetAsync("/api/users?search=", caller.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AuthApiTests.ProblemTypeAsync(response)).ShouldBe("invalid");
    }

    [Fact]
    public async Task GetUser_UnknownId_Returns404NotFound()
    {
        var caller = await Gateway.NewUserAsync();

        using var response = await Gateway.GetAsync("/api/users/" + Guid.NewGuid().ToString("N"), caller.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AuthApiTests.ProblemTypeAsync(response)).ShouldBe("not_found");
    }

    [Fact]
    public async Task Root_NoWebClientBuilt_GetsPlaceholderPage()
    {
        using var response = await Gateway.GetAsync("/", accessToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("web client is not built");
    }

    [Fact]
    public async Task Root_WebClientBuilt_ServesIt()
    {
        using var response = await fixture.Gateway1.GetAsync("/", accessToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(ChatCluster.WebClientMarker);
    }
}
