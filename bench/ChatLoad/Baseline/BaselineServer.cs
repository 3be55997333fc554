using System.Globalization;
using ChatDapr.Contracts.Hub;

namespace ChatDapr.ChatLoad.Baseline;

// This program started again as "baseline-hub --port N": the bare hub in a process of its own, so its CPU time and
// memory are read from the kernel for it alone, like the gateway's.
public static class BaselineServer
{
    public const string Command = "baseline-hub";
    public const string ReadyLine = "baseline hub listening";

    public static async Task RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton<RoomSequences>();
        builder.Services.AddSignalR().AddMessagePackProtocol();
        var app = builder.Build();
        app.MapHub<BareChatHub>(HubRoutes.Chat);
        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
    }
}
