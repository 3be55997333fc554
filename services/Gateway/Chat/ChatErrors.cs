using ChatDapr.Contracts.Errors;

namespace ChatDapr.Gateway.Chat;

// Recovers the stable code of a failure. A ChatError thrown in the room or presence actor reaches the gateway
// wrapped (ActorMethodInvocationException → ActorInvokeException whose message is the original "code: detail"),
// so the whole exception chain is searched.
public static class ChatErrors
{
    public static string? CodeOf(Exception exception) => Find(exception)?.Code;

    // The error as the client may see it, or null for an unexpected failure whose details must stay on the server.
    public static ChatError? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ChatError chat)
                return chat;
            if (ChatError.TryParseCode(e.Message, out var code))
                return new ChatError(code, DetailAfter(e.Message, code));
        }
        return null;
    }

    // The text after "code: " up to the end of that line: wrappers may append stack traces on later lines.
    private static string DetailAfter(string message, string code)
    {
        var start = CodeAt(message, code) + code.Length + 2;
        var end = message.IndexOfAny(['\r', '\n'], start);
        return (end < 0 ? message[start..] : message[start..end]).Trim();
    }

    // Where TryParseCode found the code: at the start or after whitespace.
    private static int CodeAt(string message, string code)
    {
        var at = message.IndexOf(code + ": ", StringComparison.Ordinal);
        while (at > 0 && !char.IsWhiteSpace(message[at - 1]))
            at = message.IndexOf(code + ": ", at + 1, StringComparison.Ordinal);
        return at;
    }
}
