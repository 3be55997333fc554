using System.Globalization;
using System.Text;

namespace ChatDapr.Reliability.Tests.Checking;

/// <summary>What the checker found: the must-be-zero metrics with their evidence, and the reported measurements.</summary>
public sealed record CheckReport(IReadOnlyList<Anomaly> Anomalies, Measurements Measurements)
{
    public int Count(string metric) => Anomalies.Count(a => a.Metric == metric);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(", ", Anomaly.MustBeZero.Select(m => $"{m}={Count(m)}")));
        text.Append(Measurements);
        // The first few of each kind are enough to replay and debug; thousands would drown the test output.
        foreach (var group in Anomalies.GroupBy(a => a.Metric))
        {
            foreach (var anomaly in group.Take(10))
                text.AppendLine(anomaly.ToString());
            if (group.Count() > 10)
                text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}: … {group.Count() - 10} more");
        }
        return text.ToString();
    }
}
