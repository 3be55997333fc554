using System.Net;
using System.Net.Sockets;

namespace ChatDapr.Testing;

public static class Ports
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it, so parallel tests do not collide).</summary>
    public static int Free()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
