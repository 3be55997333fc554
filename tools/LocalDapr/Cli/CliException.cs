namespace ChatDapr.LocalDapr.Cli;

/// <summary>Bad command-line input: printed as <c>error: message</c>, exit code 1, no stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
