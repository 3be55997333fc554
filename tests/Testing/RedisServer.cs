using System.Diagnostics;
using System.Net.Sockets;

namespace ChatDapr.Testing;

/// <summary>A real redis-server on a free loopback port with a temp data dir, killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;
    private readonly string _dir = Directory.CreateTempSubdirectory("chatdapr-redis-").FullName;

    public int Port { get; private set; }
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server (skips the test when it is not installed and CI does not require it).</summary>
    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var server = new RedisServer();
        await server.StartProcessAsync(port ?? Ports.Free());
        return server;
    }

    /// <summary>Stops and starts again on the same port and data dir (appendonly keeps what was acked).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync(Port);
    }

    /// <summary>Starts again after <see cref="StopAsync"/>, on the same port and data dir, so a test controls the downtime.</summary>
    public Task StartAgainAsync() => StartProcessAsync(Port);

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private async Task StartProcessAsync(int port)
    {
        var binary = Infrastructure.RequireBinary("redis-server", "redis-server", "/usr/sbin", "/usr/local/bin");
        Port = port;
        var psi = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", _dir, "--appendonly", "yes",
                             "--appendfsync", "always", "--save", "", "--protected-mode", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(() => CanConnect(port), $"redis-server listens on {port}", TimeSpan.FromSeconds(15));
    }

    private static bool CanConnect(int port)
    {
        using var c = new TcpClient();
        try { c.Connect("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
