namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>One violation the checker found: the metric it counts toward and the evidence, readable in a test failure.</summary>
public sealed record Anomaly(string Metric, string Detail)
{
    public const string Lost = "lost";
    public const string DupPersisted = "dup_persisted";
    public const string DupDisplayed = "dup_displayed";
    public const string Reordered = "reordered";
    public const string GapsUnhealed = "gaps_unhealed";
    public const string Unexpected = "unexpected";
    public const string Leaked = "leaked";
    public const string Misauthorized = "misauthorized";

    public static readonly IReadOnlyList<string> MustBeZero = [Lost, DupPersisted, DupDisplayed, Reordered, GapsUnhealed, Unexpected, Leaked, Misauthorized];

    public override string ToString() => $"{Metric}: {Detail}";
}
