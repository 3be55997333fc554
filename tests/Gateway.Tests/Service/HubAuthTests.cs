using System.Net;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Auth;
using ChatDapr.Gateway.Tests.Harness;
using ChatDapr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Service;

public sealed class HubAuthTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Connect_WithoutToken_Rejected401()
    {
        var error = await Should.ThrowAsync<HttpRequestException>(() => ChatClient.ConnectAsync(fixture.Gateway0.HubUri, accessToken: null));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Connect_TokenSignedWithOtherKey_Rejected401()
    {
        var user = await fixture.Gateway0.NewUserAsync();
        var parts = user.AccessToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        var error = await Should.ThrowAsync<HttpRequestException>(() => ChatClient.ConnectAsync(fixture.Gateway0.HubUri, forged));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Connect_TokenFromOtherInstance_Accepted()
    {
        var user = await fixture.Gateway0.NewUserAsync();

        await using var client = await fixture.Gateway1.ConnectAsync(user);

        var presence = await client.Call<IReadOnlyList<PresenceInfo>>("GetPresence", (object)new[] { user.UserId });
        presence.Single().Status.ShouldBe(PresenceStatuses.Online);
    }

    [Fact]
    public async Task Connect_TokenInQueryString_AcceptedAndNeverLogged()
    {
        var user = await fixture.Gateway0.NewUserAsync();
        var url = new Uri($"{fixture.Gateway0.HubUri}?{HubRoutes.AccessTokenQuery}={user.AccessToken}");

        await using (var client = await ChatClient.ConnectAsync(url, accessToken: null))
            await client.Call("SetStatus", PresenceStatuses.Away);
        using var rest = await fixture.Gateway0.GetAsync($"/api/users/me?{HubRoutes.AccessTokenQuery}={user.AccessToken}", accessToken: null);

        // REST takes the header only.
        rest.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var lines = fixture.Cluster.Gateway0Logs.Lines;
        lines.ShouldContain(line => line.Contains(HubRoutes.Chat), "request logging is captured at all");
        lines.ShouldNotContain(line => line.Contains(user.AccessToken));
        lines.ShouldNotContain(line => line.Contains(user.AccessToken.Split('.')[2]));
    }

    [Fact]
    public async Task Connection_TokenExpires_ServerClosesIt()
    {
        var user = await fixture.Gateway0.NewUserAsync();
        var issuer = fixture.Gateway0.App.Services.GetRequiredService<TokenIssuer>();
        var shortLived = await issuer.IssueAsync(user.UserId, user.Username, TestContext.Current.CancellationToken, TimeSpan.FromSeconds(3));

        await using var client = await ChatClient.ConnectAsync(fixture.Gateway0.HubUri, shortLived.AccessToken);
        await client.Call("SetStatus", PresenceStatuses.Online);

        await Poll.UntilAsync(() => client.ClosedAt is not null, "the server closes the connection once the token expired", TimeSpan.FromSeconds(30));
        client.ClosedAt!.Value.ShouldBeGreaterThanOrEqualTo(shortLived.ExpiresAt.AddSeconds(-1));
    }
}
