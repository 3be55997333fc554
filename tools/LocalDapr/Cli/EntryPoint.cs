using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Launcher;

namespace ChatDapr.LocalDapr.Cli;

/// <summary>Chooses the mode from the first argument and turns bad input into one <c>error:</c> line and exit code 1.</summary>
public static class EntryPoint
{
    /// <summary>
    /// The registry standalone sidecars share, given its directory (--registry-dir): a directory of instance files,
    /// so separate sidecar processes on one machine resolve each other and agree on actor placement.
    /// The launcher always uses one in-process registry for all its sidecars.
    /// </summary>
    private static readonly Func<string, IClusterRegistry> StandaloneRegistry = dir => new FileClusterRegistry(dir);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [] or ["-h" or "--help" or "help", ..])
        {
            Console.WriteLine(Usage.Text);
            return args.Length == 0 ? 1 : 0;
        }
        using var signal = new ShutdownSignal();
        try
        {
            return args[0] == "run"
                ? await LaunchCommand.RunAsync(RunArguments.Parse(args[1..], Environment.GetEnvironmentVariable), signal.Token)
                : await StandaloneCommand.RunAsync(DaprdArguments.Parse(args, Environment.GetEnvironmentVariable), StandaloneRegistry, signal.Token);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (ResourceLoadException e)
        {
            // The message already starts with file:line.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
