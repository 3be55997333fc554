namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// The launcher's terminal: lines from apps and sidecars prefixed like <c>dapr run -f</c> does
/// (<c>== APP - rooms == ...</c>, <c>== DAPR - rooms == ...</c>), colored per app when stdout is a terminal.
/// </summary>
public sealed class LauncherConsole
{
    private static readonly string[] Palette = ["\e[36m", "\e[35m", "\e[33m", "\e[32m", "\e[34m", "\e[91m", "\e[96m", "\e[95m"];
    private const string Reset = "\e[0m";

    private readonly Lock _gate = new();
    private readonly bool _color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void AppLine(int appIndex, string kind, string appId, string line)
    {
        var prefix = $"== {kind} - {appId} ==";
        var text = _color ? $"{Palette[appIndex % Palette.Length]}{prefix}{Reset} {line}" : $"{prefix} {line}";
        lock (_gate)
            Console.Out.WriteLine(text);
    }

    public void Line(string text)
    {
        lock (_gate)
            Console.Out.WriteLine(text);
    }

    public void Error(string text)
    {
        lock (_gate)
        {
            Console.Out.Flush();
            Console.Error.WriteLine(text);
        }
    }
}
