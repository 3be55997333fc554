namespace ChatDapr.LocalDapr.State;

/// <summary>Dapr's optimistic-concurrency rules, shared by the stores that check ETags in .NET code.</summary>
public static class ETagRules
{
    /// <summary>Throws <see cref="ETagMismatchException"/> when <paramref name="operation"/> may not apply.</summary>
    /// <param name="currentETag">The key's current ETag, null when the key is absent (or expired).</param>
    public static void Verify(StateOperation operation, string? currentETag)
    {
        // An ETag given for a key that does not exist is a mismatch too: the caller's view is stale.
        if (operation.ChecksETag && !string.Equals(currentETag, operation.ETag, StringComparison.Ordinal))
            throw new ETagMismatchException(operation.Key);
        if (operation.RequiresAbsent && currentETag is not null)
            throw new ETagMismatchException(operation.Key);
    }
}
