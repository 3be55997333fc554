using System.Globalization;
using ChatDapr.ChatLoad.Load;

namespace ChatDapr.ChatLoad.Reporting;

// p50 and p99 delivery latency against offered load, one panel per room size, both axes logarithmic; the dashed red
// line is the p99 limit of the step search.
public static class LatencyPlot
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 360;
    private const int Left = 60;
    private const int Top = 70;
    private const int Bottom = 50;
    private const double MinMs = 0.1;
    private const double MaxMs = 100_000;
    private static readonly (byte, byte, byte) Ink = (30, 30, 30);
    private static readonly (byte, byte, byte) Grid = (225, 225, 225);
    private static readonly (byte, byte, byte) Limit = (200, 40, 40);

    private static readonly (string Target, string Label, Func<StepResult, double> Value, (byte, byte, byte) Color, int Dash)[] Series =
    [
        ("ChatDapr", "ChatDapr p50", r => r.P50Ms, (31, 90, 180), 0),
        ("ChatDapr", "ChatDapr p99", r => r.P99Ms, (31, 90, 180), 6),
        ("bare hub", "bare hub p50", r => r.P50Ms, (230, 120, 20), 0),
        ("bare hub", "bare hub p99", r => r.P99Ms, (230, 120, 20), 6),
    ];

    public static void Write(string path, IReadOnlyList<StepResult> results, LoadSettings settings)
    {
        var image = new PngImage(settings.Sizes.Count * PanelWidth + 20, PanelHeight + Top + Bottom);
        var legendX = 10;
        foreach (var s in Series)
        {
            image.Line(legendX, 20, legendX + 30, 20, s.Color, 3, s.Dash);
            PixelFont.Draw(image, s.Label, legendX + 36, 14, Ink, 2);
            legendX += 36 + PixelFont.Width(s.Label, 2) + 24;
        }
        PixelFont.Draw(image, $"dashed red: p99 limit {settings.P99LimitMs:0} ms. x: offered deliveries/s, y: latency ms", 10, 36, Ink, 1);
        for (var i = 0; i < settings.Sizes.Count; i++)
            Panel(image, i * PanelWidth + 10, results.Where(r => r.RoomSize == settings.Sizes[i]).ToList(), settings.Sizes[i], settings);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        image.Save(path);
    }

    private static void Panel(PngImage image, int x0, IReadOnlyList<StepResult> results, int size, LoadSettings settings)
    {
        var w = PanelWidth - Left - 20;
        var h = PanelHeight - 20;
        var minX = Math.Log10(settings.Rates[0]);
        var maxX = Math.Max(minX + 1, Math.Log10(settings.Rates[^1]));
        double X(double rate) => x0 + Left + (Math.Log10(rate) - minX) / (maxX - minX) * w;
        double Y(double ms) => Top + h - (Math.Log10(Math.Clamp(ms, MinMs, MaxMs)) - Math.Log10(MinMs)) / (Math.Log10(MaxMs) - Math.Log10(MinMs)) * h;

        for (var decade = MinMs; decade <= MaxMs; decade *= 10)
        {
            image.Line(x0 + Left, Y(decade), x0 + Left + w, Y(decade), Grid);
            var label = decade.ToString("0.#", CultureInfo.InvariantCulture);
            PixelFont.Draw(image, label, x0 + Left - 6 - PixelFont.Width(label, 1), (int)Y(decade) - 3, Ink);
        }
        foreach (var rate in settings.Rates)
        {
            image.Line(X(rate), Top, X(rate), Top + h, Grid);
            var label = rate >= 1000 ? (rate / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "K" : rate.ToString(CultureInfo.InvariantCulture);
            PixelFont.Draw(image, label, (int)X(rate) - PixelFont.Width(label, 1) / 2, Top + h + 6, Ink);
        }
        image.Line(x0 + Left, Top, x0 + Left, Top + h, Ink);
        image.Line(x0 + Left, Top + h, x0 + Left + w, Top + h, Ink);
        image.Line(x0 + Left, Y(settings.P99LimitMs), x0 + Left + w, Y(settings.P99LimitMs), Limit, 1, 4);
        var title = size == 2 ? "1:1 rooms" : $"{size}-member rooms";
        PixelFont.Draw(image, title, x0 + Left + (w - PixelFont.Width(title, 2)) / 2, Top + h + 22, Ink, 2);

        foreach (var s in Series)
        {
            var points = results.Where(r => r.Target == s.Target && r.Delivered > 0).OrderBy(r => r.OfferedDeliveries)
                .Select(r => (X: X(r.OfferedDeliveries), Y: Y(s.Value(r)))).ToList();
            for (var p = 1; p < points.Count; p++)
                image.Line(points[p - 1].X, points[p - 1].Y, points[p].X, points[p].Y, s.Color, 2, s.Dash);
            foreach (var (px, py) in points)
                image.Fill((int)px - 3, (int)py - 3, 7, 7, s.Color);
        }
    }
}
