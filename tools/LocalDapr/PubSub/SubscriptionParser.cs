using System.Text.Json;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// Turns the app's <c>GET /dapr/subscribe</c> answer and the declarative Subscription resources into
/// <see cref="SubscriptionSpec"/>s. Field names are matched case-insensitively (the SDKs differ: pubsubName,
/// pubsubname, PubsubName). Routes lose their leading slash. Throws <see cref="FormatException"/> for a subscription
/// that cannot be served (missing topic, no route, unsupported match expression).
/// </summary>
public static class SubscriptionParser
{
    /// <summary>Declarative subscriptions first; a programmatic one for a pubsub/topic already taken is skipped (first wins).</summary>
    public static List<SubscriptionSpec> Merge(
        IEnumerable<SubscriptionDefinition> declarative, JsonElement? programmatic, Action<SubscriptionSpec> onDuplicate)
    {
        var result = new List<SubscriptionSpec>();
        foreach (var spec in declarative.Select(FromDeclarative).Concat(ParseProgrammatic(programmatic)))
        {
            if (result.Any(s => s.PubsubName == spec.PubsubName && s.Topic == spec.Topic))
                onDuplicate(spec);
            else
                result.Add(spec);
        }
        return result;
    }

    public static SubscriptionSpec FromDeclarative(SubscriptionDefinition d)
    {
        var rules = d.Rules.Select(r => Rule(r.Match, r.Path, $"{d.Source}")).ToList();
        if (d.DefaultRoute is { Length: > 0 } route)
            rules.Add(new RouteRule(null, null, route.TrimStart('/')));
        return new SubscriptionSpec(d.PubsubName, d.Topic, rules, Blank(d.DeadLetterTopic), d.Metadata, false, SubscriptionSpec.Declarative);
    }

    public static List<SubscriptionSpec> ParseProgrammatic(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Array } array)
            return [];
        return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ParseOne).ToList();
    }

    private static SubscriptionSpec ParseOne(JsonElement item)
    {
        var pubsub = String(item, "pubsubname") ?? throw new FormatException($"/dapr/subscribe: an entry has no pubsubname: {item.GetRawText()}");
        var topic = String(item, "topic") ?? throw new FormatException($"/dapr/subscribe: an entry of pubsub '{pubsub}' has no topic");
        var where = $"/dapr/subscribe {pubsub}/{topic}";
        var rules = new List<RouteRule>();
        string? defaultRoute = String(item, "route");
        if (Property(item, "routes") is { ValueKind: JsonValueKind.Object } routes)
        {
            defaultRoute = String(routes, "default") ?? defaultRoute;
            if (Property(routes, "rules") is { ValueKind: JsonValueKind.Array } ruleArray)
                foreach (var rule in ruleArray.EnumerateArray())
                    rules.Add(Rule(String(rule, "match"), String(rule, "path") ?? throw new FormatException($"{where}: a rule has no path"), where));
        }
        if (defaultRoute is { Length: > 0 })
            rules.Add(new RouteRule(null, null, defaultRoute.TrimStart('/')));
        if (rules.Count == 0)
            throw new FormatException($"{where}: no route");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Property(item, "metadata") is { ValueKind: JsonValueKind.Object } meta)
            foreach (var p in meta.EnumerateObject())
                metadata[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        var bulk = Property(item, "bulkSubscribe") is { ValueKind: JsonValueKind.Object } b
            && Property(b, "enabled") is { ValueKind: JsonValueKind.True };
        return new SubscriptionSpec(pubsub, topic, rules, Blank(String(item, "deadLetterTopic")), metadata, bulk, SubscriptionSpec.Programmatic);
    }

    private static RouteRule Rule(string? match, string path, string where)
    {
        if (string.IsNullOrWhiteSpace(match))
            return new RouteRule(null, null, path.TrimStart('/'));
        try
        {
            return new RouteRule(match, RouteCondition.Parse(match), path.TrimStart('/'));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }

    private static string? String(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
