using ChatDapr.Contracts.Errors;

namespace ChatDapr.Gateway.Chat;

// Shape checks of hub arguments (the room actor checks the rules that need its state). Anything malformed is
// rejected as invalid before a single Dapr call is made.
public static class Arguments
{
    public const int MaxIdLength = 128;
    public const int MaxUsersPerCall = 100;
    public const int MaxRoomsPerSync = 100;
    public const int MaxHistoryLimit = 100;
    public const int MaxTextLength = 4000;

    public static T Required<T>(T? value, string name) where T : class =>
        value ?? throw ChatError.Invalid($"{name} is required");

    public static string Id(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl) || value != value.Trim())
            throw ChatError.Invalid($"{name} must be 1-{MaxIdLength} printable characters");
        return value;
    }

    // A distinct list of ids, between min and max entries.
    public static IReadOnlyList<string> Ids(IReadOnlyList<string>? values, string name, int min, int max)
    {
        if (values is null || values.Count < min || values.Count > max)
            throw ChatError.Invalid($"{name} must list {min}-{max} user ids");
        return values.Select(v => Id(v, name)).Distinct(StringComparer.Ordinal).ToList();
    }

    public static int Limit(int limit, int max)
    {
        if (limit < 1 || limit > max)
            throw ChatError.Invalid($"limit must be 1-{max}");
        return limit;
    }

    public static long Seq(long seq, string name) =>
        seq >= 0 ? seq : throw ChatError.Invalid($"{name} must not be negative");

    // Null means no text (allowed with attachments); the room actor checks the trimmed length.
    public static string Text(string? text) =>
        (text ?? "").Trim().Length <= MaxTextLength
            ? text ?? ""
            : throw ChatError.Invalid($"text must be at most {MaxTextLength} characters");
}
