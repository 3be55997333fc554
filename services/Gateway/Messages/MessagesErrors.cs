using System.Text.Json;
using ChatDapr.Contracts.Errors;

namespace ChatDapr.Gateway.Messages;

// A 4xx answer of the messages service as a ChatError. Its problem details carry the code in "type" (the gateway's
// own REST convention) or at the start of "detail"; without either, the status decides.
public static class MessagesErrors
{
    public static ChatError From(int status, string? body)
    {
        var (type, detail) = ReadProblem(body);
        if (type is not null && ChatErrorCodes.All.Contains(type))
            return new ChatError(type, Strip(detail, type) ?? "the messages service refused the request");
        if (ChatError.TryParseCode(detail, out var code))
            return new ChatError(code, Strip(detail, code)!);
        return status switch
        {
            403 => ChatError.Forbidden("the messages service refused the request"),
            404 => ChatError.NotFound("not found in the messages service"),
            409 => ChatError.Conflict("the messages service reported a conflict"),
            429 => ChatError.RateLimited("the messages service is rate limiting"),
            _ => ChatError.Invalid("the messages service rejected the request"),
        };
    }

    private static (string? Type, string? Detail) ReadProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null);
            return (Text(document.RootElement, "type"), Text(document.RootElement, "detail"));
        }
        catch (JsonException)
        {
            return (null, body);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Strip(string? detail, string code)
    {
        var at = detail?.IndexOf(code + ": ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? detail : detail![(at + code.Length + 2)..];
    }
}
