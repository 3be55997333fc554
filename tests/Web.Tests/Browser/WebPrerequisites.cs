namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// What the browser tests need beyond the .NET build: Debian's chromium and the built web client. Without them
/// the tests are skipped with the reason; with CHATDAPR_REQUIRE_INFRA=1 (CI) they fail with it instead.
/// </summary>
public static class WebPrerequisites
{
    public static string WebClientIndex => Path.Combine(RepoPaths.RepoRoot, "clients", "web", "dist", "index.html");

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing()
    {
        if (Chromium.Find() is null)
            return "'chromium' not found on PATH: install the Debian package 'chromium' (apt-get install chromium)";
        if (!File.Exists(WebClientIndex))
            return $"the web client is not built ({WebClientIndex} is missing): run `make web` (npm ci && npm run build in clients/web)";
        return null;
    }

    /// <summary>Skips the current test with <paramref name="reason"/>, or fails it on CI.</summary>
    public static void SkipOrFail(string reason)
    {
        if (Infrastructure.Required)
            throw new InvalidOperationException($"browser tests cannot run: {reason} — CHATDAPR_REQUIRE_INFRA=1 makes this a failure");
        Assert.Skip($"browser tests skipped: {reason}");
    }
}
