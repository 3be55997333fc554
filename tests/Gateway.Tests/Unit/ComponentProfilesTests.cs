using ChatDapr.Contracts.Names;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

// Every profile declares chat-fanout as a broadcast (one consumer group per gateway instance), in publish order.
public sealed class ComponentProfilesTests
{
    [Theory]
    [InlineData("embedded", "pubsub.in-memory", "{uuid}")]
    [InlineData("redis", "pubsub.redis", "{uuid}")]
    [InlineData("kubernetes", "pubsub.redis", "{podName}")]
    public void Fanout_Profile_PerInstanceConsumerAndOrderedDelivery(string profile, string type, string consumerId)
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "components", profile, "fanout.yaml"));

        yaml.ShouldContain($"name: {DaprComponents.Fanout}");
        yaml.ShouldContain($"type: {type}");
        Metadata(yaml, "consumerID").ShouldBe(consumerId);
        Metadata(yaml, "concurrency").ShouldBe("1");
    }

    // The value line that follows "- name: <name>" in the component's metadata list.
    private static string? Metadata(string yaml, string name)
    {
        var lines = yaml.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.IndexOf($"- name: {name}");
        return at < 0 ? null : lines[at + 1].Replace("value:", "").Trim().Trim('"');
    }
}
