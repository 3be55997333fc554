namespace ChatDapr.Contracts.Errors;

/// <summary>
/// A rule violation with a stable <see cref="Code"/> from <see cref="ChatErrorCodes"/>. The message is
/// "<c>code: detail</c>", so the code survives transports that keep only the message (actor invocation errors,
/// <c>HubException</c>); <see cref="TryParseCode"/> recovers it.
/// </summary>
public sealed class ChatError : Exception
{
    /// <summary>Creates an error with <paramref name="code"/> and a human-readable <paramref name="detail"/>.</summary>
    public ChatError(string code, string detail)
        : base($"{code}: {detail}")
    {
        Code = code;
        Detail = detail;
    }

    /// <summary>One of <see cref="ChatErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The message without the code prefix.</summary>
    public string Detail { get; }

    /// <summary>A <see cref="ChatErrorCodes.Forbidden"/> error.</summary>
    public static ChatError Forbidden(string detail) => new(ChatErrorCodes.Forbidden, detail);

    /// <summary>A <see cref="ChatErrorCodes.NotFound"/> error.</summary>
    public static ChatError NotFound(string detail) => new(ChatErrorCodes.NotFound, detail);

    /// <summary>An <see cref="ChatErrorCodes.Invalid"/> error.</summary>
    public static ChatError Invalid(string detail) => new(ChatErrorCodes.Invalid, detail);

    /// <summary>A <see cref="ChatErrorCodes.Conflict"/> error.</summary>
    public static ChatError Conflict(string detail) => new(ChatErrorCodes.Conflict, detail);

    /// <summary>A <see cref="ChatErrorCodes.RateLimited"/> error.</summary>
    public static ChatError RateLimited(string detail) => new(ChatErrorCodes.RateLimited, detail);

    /// <summary>An <see cref="ChatErrorCodes.Unauthorized"/> error.</summary>
    public static ChatError Unauthorized(string detail) => new(ChatErrorCodes.Unauthorized, detail);

    /// <summary>
    /// Finds the code of a <see cref="ChatError"/> message: the text starts with "<c>code: </c>", or a wrapper added
    /// a prefix and the original message follows after a separator (as in "<c>Remote error: forbidden: …</c>").
    /// </summary>
    public static bool TryParseCode(string? message, out string code)
    {
        code = "";
        if (string.IsNullOrEmpty(message))
            return false;
        var best = -1;
        foreach (var candidate in ChatErrorCodes.All)
        {
            var at = IndexOfCode(message, candidate);
            if (at >= 0 && (best < 0 || at < best))
                (best, code) = (at, candidate);
        }
        return best >= 0;
    }

    private static int IndexOfCode(string message, string code)
    {
        var marker = code + ": ";
        for (var at = message.IndexOf(marker, StringComparison.Ordinal); at >= 0;
             at = message.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            // The code must start the text or follow whitespace, so "not_forbidden: x" never matches.
            if (at == 0 || char.IsWhiteSpace(message[at - 1]))
                return at;
        }
        return -1;
    }
}
