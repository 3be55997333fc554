namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// Where screenshots go: docs/screenshots (committed, shown in the README) when CHATDAPR_SCREENSHOTS=1, as
/// `make screenshots` sets; otherwise TestResults/screenshots, so an ordinary test run leaves docs/ alone.
/// </summary>
public static class ScreenshotFolder
{
    public static bool ForDocs => Environment.GetEnvironmentVariable("CHATDAPR_SCREENSHOTS") == "1";

    public static string Path { get; } = System.IO.Path.Combine(RepoPaths.RepoRoot, ForDocs ? "docs" : "TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, Animations = ScreenshotAnimations.Disabled });
        return file;
    }
}
