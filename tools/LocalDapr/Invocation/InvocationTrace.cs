using System.Diagnostics;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>W3C trace context for invocations: the sidecar's hop is a child span of the caller's, or a new trace.</summary>
public static class InvocationTrace
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <summary>A <c>traceparent</c> that keeps the incoming trace id and flags with a new span id, or starts a trace.</summary>
    public static string ChildOf(string? incoming)
    {
        var span = ActivitySpanId.CreateRandom().ToHexString();
        if (incoming is { Length: 55 } && incoming[2] == '-' && incoming[35] == '-' && incoming[52] == '-'
            && incoming.StartsWith("00-", StringComparison.Ordinal) && IsHex(incoming.AsSpan(3, 32)) && IsHex(incoming.AsSpan(53, 2)))
            return $"00-{incoming.Substring(3, 32)}-{span}-{incoming.Substring(53, 2)}";
        return $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{span}-01";
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return false;
        return true;
    }
}
