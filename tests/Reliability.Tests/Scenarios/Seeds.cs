using System.Globalization;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// The seed of a run's schedule (when faults strike, which instance, which acks are dropped): random unless
/// CHATDAPR_RELIABILITY_SEED is set, and always printed with the command that replays it.
/// </summary>
public static class Seeds
{
    public const string Variable = "CHATDAPR_RELIABILITY_SEED";

    public static int Pick(ITestOutputHelper output, string test)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given : Random.Shared.Next();
        output.WriteLine($"seed={seed} (replay: {Variable}={seed} dotnet test tests/Reliability.Tests -c Release --filter FullyQualifiedName~{test})");
        return seed;
    }
}
