using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// Ports for apps that must be told their port before they bind it (the launcher's apps, test fixtures).
/// Asking the OS for port 0 and releasing it races: the kernel hands the same ephemeral port to the next outgoing
/// connection or bind(0) of any process, and CI runs saw another app answer on a "free" port. So ports come from
/// below the ephemeral range, which the kernel never hands out by itself, in blocks that each process claims through
/// a lock file (flock, released by the kernel when the process dies), and each port is checked by a bind.
/// </summary>
public static class FreePort
{
    private const int BlockSize = 64;
    private static readonly Lock Gate = new();
    private static readonly List<FileStream> Claimed = [];
    private static int _next, _end;

    /// <summary>A loopback port no other process using this class was given, free when checked.</summary>
    public static int Get()
    {
        lock (Gate)
        {
            while (true)
            {
                while (_next < _end)
                {
                    var port = _next++;
                    if (IsFree("127.0.0.1", port))
                        return port;
                }
                if (!TryClaimBlock())
                    return Ephemeral();
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="port"/> can be bound on <paramref name="host"/> now. Checked before starting an app on a
    /// fixed port: otherwise an old copy still listening there answers the health probe for the new one, which then
    /// dies with "address already in use" after the launcher has reported it ready.
    /// </summary>
    public static bool IsFree(string host, int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.TryParse(host, out var address) ? address : IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool TryClaimBlock()
    {
        var (first, blocks) = Range();
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "chatdapr-ports")).FullName;
        var start = Random.Shared.Next(blocks);
        for (var i = 0; i < blocks; i++)
        {
            var block = (start + i) % blocks;
            try
            {
                // FileShare.None takes an exclusive flock on Unix: a second process gets IOException until we exit.
                var handle = new FileStream(Path.Combine(dir, $"{block}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Claimed.Add(handle);
                _next = first + block * BlockSize;
                _end = _next + BlockSize;
                return true;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return false;
    }

    /// <summary>Blocks between 16384 and the start of the kernel's ephemeral range (32768 by default on Linux).</summary>
    private static (int First, int Blocks) Range()
    {
        var ephemeralLow = 32768;
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            ephemeralLow = int.Parse(text[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        const int first = 16384;
        return (first, Math.Max(1, (ephemeralLow - first) / BlockSize));
    }

    /// <summary>Last resort when no block can be claimed: the OS's pick (the race above is possible).</summary>
    private static int Ephemeral()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
