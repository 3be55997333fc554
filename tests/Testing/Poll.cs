namespace ChatDapr.Testing;

/// <summary>Waiting in tests: poll a condition until a deadline, never a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        await UntilAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var delay = 10;
        while (true)
        {
            try
            {
                if (await condition())
                    return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Not there yet (e.g. connection refused while a process starts).
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0.#}s waiting until {because}");
            await Task.Delay(delay);
            delay = Math.Min(delay * 2, 200);
        }
    }

    /// <summary>Awaits a task with a deadline, failing with a readable message instead of hanging the suite.</summary>
    public static async Task<T> WithTimeout<T>(this Task<T> task, string what, TimeSpan? timeout = null) =>
        await task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false) is var r ? r : throw new TimeoutException(what);

    public static async Task WithTimeout(this Task task, string what, TimeSpan? timeout = null)
    {
        try { await task.WaitAsync(timeout ?? DefaultTimeout); }
        catch (TimeoutException) { throw new TimeoutException($"Timed out waiting for {what}"); }
    }
}
