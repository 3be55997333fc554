namespace ChatDapr.LocalDapr.Cli;

// Placeholder: argument parsing for the launcher and standalone modes.
public static class EntryPoint
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
