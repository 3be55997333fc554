using ChatDapr.Gateway.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class TokenTests
{
    private const string Secret = "unit-test-signing-key-0123456789abcdef0123456789";
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly AuthOptions options = new() { ClockSkew = TimeSpan.Zero };
    private readonly SigningKeyProvider keys = new(_ => Task.FromResult<string?>(Secret));
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private TokenIssuer Issuer() => new(keys, Options.Create(options), time);

    private async Task<Microsoft.IdentityModel.Tokens.TokenValidationResult> ValidateAsync(string token, SigningKeyProvider? with = null) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, TokenValidation.Parameters(options, with ?? keys));

    [Fact]
    public async Task Issue_ThenValidate_CarriesSubjectNameAndWholeSecondExpiry()
    {
        var issued = await Issuer().IssueAsync("user-1", "alice", Ct);

        var result = await ValidateAsync(issued.AccessToken);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        result.ClaimsIdentity.FindFirst(ChatClaims.Subject)!.Value.ShouldBe("user-1");
        result.ClaimsIdentity.Name.ShouldBe("alice");
        issued.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.TokenLifetime).ToUnixTimeSeconds()));
        ((JsonWebToken)result.SecurityToken).ValidTo.ShouldBe(issued.ExpiresAt.UtcDateTime);
    }

    [Fact]
    public async Task Validate_AfterExpiry_Rejected()
    {
        var issued = await Issuer().IssueAsync("user-1", "alice", Ct, TimeSpan.FromSeconds(-5));

        (await ValidateAsync(issued.AccessToken)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_OtherKey_Rejected()
    {
        var issued = await Issuer().IssueAsync("user-1", "alice", Ct);
        var otherKeys = new SigningKeyProvider(_ => Task.FromResult<string?>("another-signing-key-0123456789abcdef0123456789"));
        await otherKeys.GetAsync(Ct);

        (await ValidateAsync(issued.AccessToken, otherKeys)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_KeyNotLoadedYet_Rejected()
    {
        var issued = await Issuer().IssueAsync("user-1", "alice", Ct);
        var unloaded = new SigningKeyProvider(_ => Task.FromResult<string?>(Secret));

        (await ValidateAsync(issued.AccessToken, unloaded)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task GetAsync_ShortSecret_Refused()
    {
        var weak = new SigningKeyProvider(_ => Task.FromResult<string?>("too-short"));

        await Should.ThrowAsync<InvalidOperationException>(() => weak.GetAsync(Ct).AsTask());
    }

    [Fact]
    public async Task GetAsync_Twice_ReadsTheSecretOnce()
    {
        var reads = 0;
        var provider = new SigningKeyProvider(_ =>
        {
            reads++;
            return Task.FromResult<string?>(Secret);
        });

        (await provider.GetAsync(Ct)).ShouldBeSameAs(await provider.GetAsync(Ct));

        reads.ShouldBe(1);
    }
}
