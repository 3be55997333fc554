namespace ChatDapr.LocalDapr.Launcher;

/// <summary>Writes one in-process sidecar's logs as <c>== DAPR - appId == level message</c> lines.</summary>
public sealed class PrefixedLoggerProvider(LauncherConsole console, int appIndex, string appId) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PrefixedLogger(console, appIndex, appId);

    public void Dispose() { }

    private sealed class PrefixedLogger(LauncherConsole console, int appIndex, string appId) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            // A one-line cause instead of a stack trace: these lines interleave with the apps' own output.
            if (exception is not null)
                message += $" ({exception.GetType().Name}: {exception.Message})";
            console.AppLine(appIndex, "DAPR", appId, $"{Level(logLevel)} {message}");
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace or LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            _ => "fatal",
        };
    }
}
