namespace ChatDapr.Testing;

/// <summary>
/// Finding server binaries for fixtures. Without the binary a test is skipped with the Debian package name;
/// with CHATDAPR_REQUIRE_INFRA=1 (CI) it fails instead.
/// </summary>
public static class Infrastructure
{
    public static bool Required => Environment.GetEnvironmentVariable("CHATDAPR_REQUIRE_INFRA") == "1";

    public static string? Find(string binary, params string[] extraDirs)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Concat(extraDirs);
        return dirs.Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);
    }

    /// <summary>Returns the binary's path, or skips (fails on CI) the current test.</summary>
    public static string RequireBinary(string binary, string debianPackage, params string[] extraDirs)
    {
        var path = Find(binary, extraDirs);
        if (path is not null)
            return path;
        var message = $"'{binary}' not found on PATH: install the Debian package '{debianPackage}' (apt-get install {debianPackage})";
        if (Required)
            throw new InvalidOperationException(message + " — CHATDAPR_REQUIRE_INFRA=1 makes this a failure");
        Xunit.Assert.Skip(message);
        return null!;
    }
}
