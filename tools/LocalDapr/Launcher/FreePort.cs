using System.Net;
using System.Net.Sockets;

namespace ChatDapr.LocalDapr.Launcher;

public static class FreePort
{
    /// <summary>A loopback port the OS reports free; the app binds it a moment later (dapr's CLI does the same).</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
