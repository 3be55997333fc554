namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>Pub/sub component and Subscription YAML for the tests, for either broker.</summary>
internal static class PubSubYaml
{
    public const string InMemory = "in-memory";
    public const string Redis = "redis";

    /// <summary>Short redelivery settings so retry tests finish in seconds.</summary>
    public static string Component(
        string broker, string? redisAddress, string consumerId = "{appID}", int? concurrency = null,
        string redeliverInterval = "1s", string processingTimeout = "1s", string name = "pubsub")
    {
        var items = new List<(string, string)> { ("consumerID", consumerId), ("redeliverInterval", redeliverInterval) };
        if (broker == Redis)
        {
            items.Add(("redisHost", redisAddress ?? throw new ArgumentNullException(nameof(redisAddress))));
            items.Add(("processingTimeout", processingTimeout));
        }
        if (concurrency is { } c)
            items.Add(("concurrency", c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var metadata = string.Concat(items.Select(i => $"\n  - name: {i.Item1}\n    value: \"{i.Item2}\""));
        return $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: pubsub.{broker}
              version: v1
              metadata:
            """ + metadata + "\n";
    }

    public static string Subscription(string name, string topic, string defaultRoute, string? match = null, string? matchPath = null,
        string? deadLetterTopic = null, string pubsub = "pubsub")
    {
        var rules = match is null ? "" : $"""

                rules:
                - match: '{match}'
                  path: {matchPath}
            """;
        var deadLetter = deadLetterTopic is null ? "" : $"\n  deadLetterTopic: {deadLetterTopic}";
        return $"""
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: {name}
            spec:
              pubsubname: {pubsub}
              topic: {topic}
              routes:
                default: {defaultRoute}{rules}{deadLetter}
            """ + "\n";
    }
}
