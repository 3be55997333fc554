using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatDapr.LocalDapr.Launcher;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Launcher;

public sealed class FreePortTests
{
    [Fact]
    public void Get_ManyCalls_DistinctBindablePortsBelowTheEphemeralRange()
    {
        var ephemeralLow = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 100).Select(_ => FreePort.Get()).ToList();

        ports.Distinct().Count().ShouldBe(ports.Count);
        ports.ShouldAllBe(p => p >= 16384 && p < ephemeralLow);
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        Should.NotThrow(listener.Start);
    }

    [Fact]
    public void Get_BlockOfTheReturnedPort_IsLockedAgainstOtherProcesses()
    {
        var port = FreePort.Get();

        // A second open file description is what another process would hold: its exclusive flock must fail.
        var lockFile = Path.Combine(Path.GetTempPath(), "chatdapr-ports", $"{(port - 16384) / 64}.lock");
        Should.Throw<IOException>(() => new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
    }
}
