using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatDapr.LocalDapr.Components;

/// <summary>
/// Parses the duration forms Dapr accepts: Go durations (<c>1h2m3s4ms</c>, <c>500ms</c>, <c>1.5s</c>),
/// ISO-8601 (<c>PT5S</c>) and .NET <c>hh:mm:ss</c>. Repetition prefixes (<c>R5/PT10S</c>) are handled by callers.
/// </summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (text == "0")
            return true;
        if (text.StartsWith('P') || text.StartsWith('-'))
        {
            try { value = System.Xml.XmlConvert.ToTimeSpan(text); return true; }
            catch (FormatException) { return false; }
        }
        var matches = GoPart().Matches(text);
        if (matches.Count > 0 && string.Concat(matches.Select(m => m.Value)) == text)
        {
            double ms = 0;
            foreach (Match m in matches)
            {
                var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                ms += m.Groups[2].Value switch
                {
                    "h" => n * 3_600_000, "m" => n * 60_000, "s" => n * 1000, "ms" => n,
                    "us" or "µs" => n / 1000, "ns" => n / 1_000_000, _ => 0,
                };
            }
            value = TimeSpan.FromMilliseconds(ms);
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Formats like daprd does in actor APIs: <c>0h1m30s0ms</c>.</summary>
    public static string ToGo(TimeSpan t) =>
        $"{(int)t.TotalHours}h{t.Minutes}m{t.Seconds}s{t.Milliseconds}ms";

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)")]
    private static partial Regex GoPart();
}
