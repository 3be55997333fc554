namespace ChatDapr.Reliability.Tests.Model;

/// <summary>A slow consumer's processing time per received event: seeded, uniform between the bounds.</summary>
public sealed class ReceiveDelay(Random random, TimeSpan min, TimeSpan max)
{
    private readonly Lock _gate = new();

    public TimeSpan Next()
    {
        lock (_gate)
            return min + (max - min) * random.NextDouble();
    }

    /// <summary>Waits one event's processing time; a client shutting down stops being slow rather than failing the handler.</summary>
    public Task WaitAsync(CancellationToken stopping) =>
        Task.Delay(Next(), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
}
