using System.Runtime.InteropServices;

namespace ChatDapr.LocalDapr.Cli;

/// <summary>A token cancelled by Ctrl+C (SIGINT) or SIGTERM; the process then stops in order and exits 0.</summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cts.Token;

    private void Handle(PosixSignalContext context)
    {
        // Keep the runtime from terminating the process at once: shutdown happens on our terms.
        context.Cancel = true;
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
        _cts.Dispose();
    }
}
