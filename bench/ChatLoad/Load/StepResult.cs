namespace ChatDapr.ChatLoad.Load;

/// <summary>One measured step: a target, a room size, an offered rate.</summary>
/// <param name="OfferedDeliveries">Offered deliveries per second (sends per second × room size).</param>
/// <param name="CpuMicros">CPU time per process over the step (sending and draining), in microseconds.</param>
/// <param name="WallSeconds">How long the step took from the first send until it closed.</param>
/// <param name="IdleMicrosPerSecond">CPU each process used per second while no load ran, just before the scenario.</param>
public sealed record StepResult(
    string Target, int RoomSize, int Rooms, double OfferedDeliveries, long Sends, long SendErrors, long Expected, long Delivered,
    double DeliveredPerSecond, double P50Ms, double P99Ms, double P999Ms, double MaxMs, IReadOnlyDictionary<string, double> CpuMicros,
    double WallSeconds, IReadOnlyDictionary<string, double> IdleMicrosPerSecond)
{
    /// <summary>2 when the first attempt at this rate failed and this is the repeat.</summary>
    public int Attempt { get; init; } = 1;

    public double DeliveredShare => Expected == 0 ? 0 : (double)Delivered / Expected;

    /// <summary>Whether the step meets the bar: p99 within the limit, every delivery arrived, no send failed.</summary>
    public bool Passed(double p99LimitMs) => P99Ms <= p99LimitMs && Delivered >= Expected && SendErrors == 0;

    public double CpuMicrosPerDelivery(string process) => Delivered == 0 ? double.NaN : CpuMicros[process] / Delivered;

    /// <summary>Per delivery, without what the process burns anyway (timers, heartbeats, actor reminders) in that time.</summary>
    public double NetCpuMicrosPerDelivery(string process) =>
        Delivered == 0 ? double.NaN : Math.Max(0, CpuMicros[process] - IdleMicrosPerSecond.GetValueOrDefault(process) * WallSeconds) / Delivered;
}
