using System.Runtime.InteropServices;

namespace ChatDapr.Testing;

/// <summary>POSIX signals to a process by pid, for fault injection: kill -9, and a pause (SIGSTOP) that SIGCONT ends.</summary>
public static class Signals
{
    public const int Kill = 9;
    public const int Continue = 18;
    public const int Stop = 19;

    public static void Send(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0)
            throw new InvalidOperationException($"kill -{signal} {pid} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
