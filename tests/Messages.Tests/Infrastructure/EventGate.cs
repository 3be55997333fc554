using Microsoft.AspNetCore.Http;

namespace ChatDapr.Messages.Tests.Infrastructure;

// Holds pub/sub deliveries to an app (requests under /events) until opened: the events are published and on their
// way, but late. Nothing else the app serves is held.
public sealed class EventGate(bool open)
{
    private readonly TaskCompletionSource opened = NewOpened(open);
    private int held;

    // How many deliveries reached the gate while it was closed.
    public int Held => Volatile.Read(ref held);

    public void Open() => opened.TrySetResult();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/events") && !opened.Task.IsCompleted)
        {
            Interlocked.Increment(ref held);
            await opened.Task.WaitAsync(context.RequestAborted);
        }
        await next();
    }

    private static TaskCompletionSource NewOpened(bool open)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
            source.SetResult();
        return source;
    }
}
