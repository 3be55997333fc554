using System.Globalization;

namespace ChatDapr.LocalDapr.Cli;

/// <summary>One flag as written: <c>--name value</c>, <c>--name=value</c>, <c>-name value</c> (Go's flag syntax, which daprd uses).</summary>
public sealed record Flag(string Name, string? Value);

/// <summary>Splits arguments into flags; <paramref name="takesValue"/> says whether a flag without '=' consumes the next argument.</summary>
public static class FlagReader
{
    public static (IReadOnlyList<Flag> Flags, IReadOnlyList<string> Positional) Read(IReadOnlyList<string> args, Func<string, bool> takesValue)
    {
        var flags = new List<Flag>();
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || arg == "--")
            {
                positional.Add(arg);
                continue;
            }
            var body = arg.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
                flags.Add(new Flag(body[..eq], body[(eq + 1)..]));
            else if (takesValue(body) && i + 1 < args.Count && !IsFlag(args[i + 1]))
                flags.Add(new Flag(body, args[++i]));
            else
                flags.Add(new Flag(body, null));
        }
        return (flags, positional);
    }

    public static string RequireValue(Flag flag) =>
        flag.Value ?? throw new CliException($"flag --{flag.Name} needs a value");

    public static int RequirePort(Flag flag)
    {
        var text = RequireValue(flag);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new CliException($"flag --{flag.Name} must be a port number (0-65535), got '{text}'");
    }

    // A lone "-5" is a value, not a flag.
    private static bool IsFlag(string arg) => arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]);
}
