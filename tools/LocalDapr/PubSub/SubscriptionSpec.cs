namespace ChatDapr.LocalDapr.PubSub;

/// <summary>One routing rule: events for which <see cref="Condition"/> holds go to <see cref="Path"/>; no condition matches all.</summary>
public sealed record RouteRule(string? Match, RouteCondition? Condition, string Path);

/// <summary>
/// A subscription the sidecar serves, programmatic (from <c>GET /dapr/subscribe</c>) or declarative (Subscription
/// YAML). Rules are tried in order, the first match wins; the default route is the last rule, without condition.
/// </summary>
public sealed record SubscriptionSpec(
    string PubsubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    bool BulkSubscribe,
    string Type)
{
    public const string Programmatic = "PROGRAMMATIC";
    public const string Declarative = "DECLARATIVE";

    /// <summary>Subscription metadata <c>rawPayload</c>: messages are not CloudEvents and get wrapped on delivery.</summary>
    public bool RawPayload => Metadata.TryGetValue("rawPayload", out var v) && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");

    /// <summary>The path of the first rule that matches, or null when none does (the event is then dropped).</summary>
    public string? Route(System.Text.Json.JsonElement cloudEvent)
    {
        foreach (var rule in Rules)
            if (rule.Condition is null || rule.Condition.Evaluate(cloudEvent))
                return rule.Path;
        return null;
    }
}
