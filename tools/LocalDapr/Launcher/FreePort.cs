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
}
