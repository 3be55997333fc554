namespace ChatDapr.LocalDapr.Launcher;

/// <summary>The table printed once every app is healthy: where each app and its sidecar listen.</summary>
public static class StatusTable
{
    public static IReadOnlyList<string> Render(IReadOnlyList<RunningApp> apps)
    {
        string[] header = ["APP", "APP URL", "DAPR HTTP", "DAPR GRPC", "PID"];
        var rows = apps.Select(a => new[]
        {
            a.App.AppId, a.AppUrl, a.Sidecar.HttpEndpoint, a.Sidecar.GrpcEndpoint,
            a.Process?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(r => "  " + string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).ToList();
    }
}
