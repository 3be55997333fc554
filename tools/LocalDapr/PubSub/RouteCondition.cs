using System.Globalization;
using System.Text.Json;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The subset of CEL the local sidecar evaluates in routing rules (daprd evaluates full CEL):
/// comparisons <c>==</c> / <c>!=</c> between an attribute path (<c>event.type</c>, <c>event.source</c>,
/// <c>event.data.field.sub</c>, …) and a literal (string in double or single quotes, number, true, false, null),
/// a bare boolean path (<c>event.data.urgent</c>), <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// A path that does not exist compares unequal to everything (CEL would raise an error instead).
/// Anything else (<c>&gt;</c>, <c>in</c>, functions, macros) is rejected by <see cref="Parse"/>, so an unsupported
/// rule fails when the sidecar starts, not silently at delivery.
/// </summary>
public abstract class RouteCondition
{
    public const string Supported =
        "supported: event.<path> == or != a string/number/bool/null literal, a bare boolean event.<path>, !, &&, || and parentheses";

    public abstract bool Evaluate(JsonElement cloudEvent);

    /// <summary>Parses a CEL match expression; throws <see cref="FormatException"/> naming the problem.</summary>
    public static RouteCondition Parse(string expression) => new RouteConditionParser(expression).ParseAll();

    internal sealed class Or(RouteCondition left, RouteCondition right) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => left.Evaluate(e) || right.Evaluate(e);
    }

    internal sealed class And(RouteCondition left, RouteCondition right) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => left.Evaluate(e) && right.Evaluate(e);
    }

    internal sealed class Not(RouteCondition inner) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => !inner.Evaluate(e);
    }

    internal sealed class Constant(bool value) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => value;
    }

    internal sealed class Truthy(Operand path) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => path.Resolve(e) is { ValueKind: JsonValueKind.True };
    }

    internal sealed class Equal(Operand left, Operand right, bool negate) : RouteCondition
    {
        public override bool Evaluate(JsonElement e) => Same(left.Resolve(e), right.Resolve(e)) != negate;

        private static bool Same(JsonElement? a, JsonElement? b)
        {
            if (a is not { } x || b is not { } y)
                return false;
            return (x.ValueKind, y.ValueKind) switch
            {
                (JsonValueKind.String, JsonValueKind.String) => x.GetString() == y.GetString(),
                (JsonValueKind.Number, JsonValueKind.Number) => x.GetDouble() == y.GetDouble(),
                (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => x.ValueKind == y.ValueKind,
                (JsonValueKind.Null, JsonValueKind.Null) => true,
                _ => false,
            };
        }
    }

    /// <summary>An attribute path below <c>event</c>, or a literal (held as a parsed JSON value).</summary>
    internal sealed class Operand
    {
        private readonly string[]? _path;
        private readonly JsonElement _literal;

        private Operand(string[]? path, JsonElement literal) { _path = path; _literal = literal; }

        public bool IsPath => _path is not null;

        public static Operand Path(string[] segments) => new(segments, default);

        public static Operand Literal(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return new(null, doc.RootElement.Clone());
        }

        public static Operand StringLiteral(string value) => Literal(JsonSerializer.Serialize(value));

        public static Operand NumberLiteral(double value) => Literal(value.ToString("R", CultureInfo.InvariantCulture));

        public JsonElement? Resolve(JsonElement cloudEvent)
        {
            if (_path is null)
                return _literal;
            var current = cloudEvent;
            foreach (var segment in _path)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
                    return null;
            }
            return current;
        }
    }
}
