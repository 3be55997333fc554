using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.PubSub;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

public sealed class SubscriptionParserTests
{
    [Fact]
    public void ParseProgrammatic_AnyFieldCase_ReadsRoutesRulesAndOptions()
    {
        using var doc = JsonDocument.Parse("""
            [{"PubsubName":"pubsub","TOPIC":"orders","route":"/orders"},
             {"pubsubname":"pubsub","topic":"typed","deadLetterTopic":"dead","metadata":{"rawPayload":"true"},
              "bulkSubscribe":{"enabled":true,"maxMessagesCount":10},
              "routes":{"rules":[{"match":"event.type == \"a\"","path":"a"},{"match":"","path":"/any"}],"default":"/fallback"}}]
            """);

        var specs = SubscriptionParser.ParseProgrammatic(doc.RootElement);

        specs.Count.ShouldBe(2);
        specs[0].ShouldSatisfyAllConditions(
            s => s.Topic.ShouldBe("orders"),
            s => s.Rules.Single().Path.ShouldBe("orders"),
            s => s.RawPayload.ShouldBeFalse(),
            s => s.Type.ShouldBe(SubscriptionSpec.Programmatic));
        specs[1].ShouldSatisfyAllConditions(
            s => s.Rules.Select(r => r.Path).ShouldBe(["a", "any", "fallback"]),
            s => s.Rules.Select(r => r.Condition is null).ShouldBe([false, true, true]),
            s => s.DeadLetterTopic.ShouldBe("dead"),
            s => s.RawPayload.ShouldBeTrue(),
            s => s.BulkSubscribe.ShouldBeTrue());
    }

    [Fact]
    public void Route_FirstMatchingRuleWins_ElseDefault()
    {
        using var doc = JsonDocument.Parse("""
            [{"pubsubname":"p","topic":"t","routes":{"rules":[{"match":"event.type == \"a\"","path":"first"},
              {"match":"event.type == \"a\" || event.type == \"b\"","path":"second"}],"default":"rest"}}]
            """);
        var spec = SubscriptionParser.ParseProgrammatic(doc.RootElement).Single();

        Route(spec, "a").ShouldBe("first");
        Route(spec, "b").ShouldBe("second");
        Route(spec, "c").ShouldBe("rest");
    }

    [Fact]
    public void Merge_SameTopicDeclaredAndProgrammatic_DeclarativeWinsAndDuplicateReported()
    {
        var declared = new SubscriptionDefinition("s", "pubsub", "orders", "/declared", [], null,
            new Dictionary<string, string>(), [], new SourceLocation("sub.yaml", 1));
        using var doc = JsonDocument.Parse("""[{"pubsubname":"pubsub","topic":"orders","route":"programmatic"},{"pubsubname":"pubsub","topic":"other","route":"o"}]""");
        var duplicates = new List<SubscriptionSpec>();

        var merged = SubscriptionParser.Merge([declared], doc.RootElement, duplicates.Add);

        merged.Select(s => (s.Topic, s.Rules.Last().Path, s.Type))
            .ShouldBe([("orders", "declared", SubscriptionSpec.Declarative), ("other", "o", SubscriptionSpec.Programmatic)]);
        duplicates.Single().Rules.Single().Path.ShouldBe("programmatic");
    }

    [Theory]
    [InlineData("""[{"pubsubname":"p","route":"r"}]""", "no topic")]
    [InlineData("""[{"pubsubname":"p","topic":"t"}]""", "no route")]
    [InlineData("""[{"pubsubname":"p","topic":"t","routes":{"rules":[{"match":"event.data.n > 1","path":"x"}]}}]""", "event.data.n > 1")]
    public void ParseProgrammatic_UnservableEntry_ThrowsWithReason(string json, string reason)
    {
        using var doc = JsonDocument.Parse(json);

        Should.Throw<FormatException>(() => SubscriptionParser.ParseProgrammatic(doc.RootElement)).Message.ShouldContain(reason);
    }

    private static string? Route(SubscriptionSpec spec, string type)
    {
        using var ev = JsonDocument.Parse($$"""{"type":"{{type}}"}""");
        return spec.Route(ev.RootElement);
    }
}
