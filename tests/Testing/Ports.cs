using ChatDapr.LocalDapr.Launcher;

namespace ChatDapr.Testing;

public static class Ports
{
    /// <summary>
    /// A loopback port for an app that must be named before it binds: never handed to another test process or to the
    /// kernel's ephemeral picks (see <see cref="FreePort"/>), so parallel tests do not collide.
    /// </summary>
    public static int Free() => FreePort.Get();
}
