using System.Text.Json;
using ChatDapr.LocalDapr.PubSub;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

public sealed class RouteConditionTests
{
    private const string Event = """
        {"type":"order.created","source":"checkout",
         "data":{"note":"vip","quantity":2,"urgent":true,"customer":{"tier":"gold"},"gone":null}}
        """;

    [Theory]
    [InlineData("event.type == \"order.created\"", true)]
    [InlineData("event.type == 'order.deleted'", false)]
    [InlineData("event.type != \"order.deleted\"", true)]
    [InlineData("event.data.note == \"vip\" && event.data.quantity == 2", true)]
    [InlineData("event.data.note == \"vip\" && event.data.quantity == 3", false)]
    [InlineData("event.data.quantity == 3 || event.source == \"checkout\"", true)]
    [InlineData("event.data.quantity == 2.0", true)]
    [InlineData("event.data.customer.tier == \"gold\"", true)]
    [InlineData("event.data.urgent", true)]
    [InlineData("!event.data.urgent", false)]
    [InlineData("!(event.type == \"x\") && (event.data.gone == null)", true)]
    [InlineData("event.data.missing == \"a\"", false)]
    [InlineData("event.data.missing != \"a\"", true)]
    [InlineData("\"order.created\" == event.type", true)]
    [InlineData("true", true)]
    public void Evaluate_SupportedExpression_MatchesLikeCel(string expression, bool expected)
    {
        using var doc = JsonDocument.Parse(Event);

        RouteCondition.Parse(expression).Evaluate(doc.RootElement).ShouldBe(expected);
    }

    [Theory]
    [InlineData("event.data.quantity > 5")]
    [InlineData("event.type in [\"a\", \"b\"]")]
    [InlineData("event.type.startsWith(\"order\")")]
    [InlineData("size(event.data) == 1")]
    [InlineData("event.type ==")]
    [InlineData("\"a\" == \"a\"")]
    [InlineData("data.type == \"a\"")]
    [InlineData("event == \"a\"")]
    [InlineData("event.type == \"unterminated")]
    public void Parse_UnsupportedExpression_ThrowsNamingIt(string expression)
    {
        var error = Should.Throw<FormatException>(() => RouteCondition.Parse(expression));

        error.Message.ShouldContain(expression);
    }
}
