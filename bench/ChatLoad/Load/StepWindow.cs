using HdrHistogram;

namespace ChatDapr.ChatLoad.Load;

// The deliveries of one measured step: an HDR histogram of latency in microseconds, 1 µs to 5 min, 3 digits.
public sealed class StepWindow(int step)
{
    private const long MaxMicros = 300_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, MaxMicros, 3);
    private long _count;
    private long _lastAt;

    public int Step { get; } = step;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Stopwatch timestamp of the latest delivery.</summary>
    public long LastAt => Interlocked.Read(ref _lastAt);

    public void Add(TimeSpan latency, long now)
    {
        Interlocked.Exchange(ref _lastAt, now);
        _histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, MaxMicros));
        Interlocked.Increment(ref _count);
    }

    public double PercentileMs(double percentile) => Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMs => Count == 0 ? double.NaN : _histogram.GetMaxValue() / 1000.0;
}
