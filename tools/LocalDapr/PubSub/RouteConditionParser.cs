using System.Globalization;
using System.Text;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>Recursive-descent parser for the CEL subset of <see cref="RouteCondition"/>.</summary>
internal sealed class RouteConditionParser(string text)
{
    private int _pos;

    public RouteCondition ParseAll()
    {
        var result = ParseOr();
        SkipSpace();
        if (_pos < text.Length)
            throw Error($"unexpected '{text[_pos..]}'");
        return result;
    }

    private RouteCondition ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
            left = new RouteCondition.Or(left, ParseAnd());
        return left;
    }

    private RouteCondition ParseAnd()
    {
        var left = ParseUnary();
        while (Accept("&&"))
            left = new RouteCondition.And(left, ParseUnary());
        return left;
    }

    private RouteCondition ParseUnary()
    {
        SkipSpace();
        if (Peek("!") && !Peek("!="))
        {
            _pos++;
            return new RouteCondition.Not(ParseUnary());
        }
        if (Accept("("))
        {
            var inner = ParseOr();
            if (!Accept(")"))
                throw Error("missing ')'");
            return inner;
        }
        var left = ParseOperand();
        var negate = Accept("!=");
        if (negate || Accept("=="))
        {
            var right = ParseOperand();
            if (!left.IsPath && !right.IsPath)
                throw Error("a comparison needs an event.<path> on one side");
            return new RouteCondition.Equal(left, right, negate);
        }
        if (left.IsPath)
            return new RouteCondition.Truthy(left);
        return Literal(left);
    }

    private RouteCondition Literal(RouteCondition.Operand literal) =>
        literal.Resolve(default) is { ValueKind: System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False } b
            ? new RouteCondition.Constant(b.ValueKind == System.Text.Json.JsonValueKind.True)
            : throw Error("a literal alone is not a condition");

    private RouteCondition.Operand ParseOperand()
    {
        SkipSpace();
        if (_pos >= text.Length)
            throw Error("expression ends too early");
        var c = text[_pos];
        if (c is '"' or '\'')
            return RouteCondition.Operand.StringLiteral(ParseString(c));
        if (char.IsDigit(c) || c == '-')
            return ParseNumber();
        var word = ParseIdentifier();
        switch (word)
        {
            case "true" or "false" or "null":
                return RouteCondition.Operand.Literal(word);
            case "event":
                var segments = new List<string>();
                while (Accept("."))
                    segments.Add(ParseIdentifier());
                if (segments.Count == 0)
                    throw Error("'event' needs an attribute, like event.type");
                SkipSpace();
                if (Peek("(") || Peek("["))
                    throw Error("functions, macros and indexing are not supported");
                return RouteCondition.Operand.Path([.. segments]);
            default:
                throw Error($"unknown name '{word}' (only event.<path> is available)");
        }
    }

    private string ParseIdentifier()
    {
        SkipSpace();
        var start = _pos;
        while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            _pos++;
        if (start == _pos || char.IsDigit(text[start]))
            throw Error(_pos < text.Length ? $"unsupported syntax at '{text[_pos..]}'" : "expression ends too early");
        return text[start.._pos];
    }

    private RouteCondition.Operand ParseNumber()
    {
        var start = _pos++;
        while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
            _pos++;
        return double.TryParse(text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? RouteCondition.Operand.NumberLiteral(n)
            : throw Error($"bad number '{text[start.._pos]}'");
    }

    private string ParseString(char quote)
    {
        var sb = new StringBuilder();
        _pos++;
        while (_pos < text.Length && text[_pos] != quote)
        {
            var c = text[_pos++];
            if (c == '\\' && _pos < text.Length)
            {
                var escaped = text[_pos++];
                sb.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
            }
            else
            {
                sb.Append(c);
            }
        }
        if (_pos >= text.Length)
            throw Error("unterminated string");
        _pos++;
        return sb.ToString();
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (!Peek(token))
            return false;
        _pos += token.Length;
        return true;
    }

    private bool Peek(string token) => string.CompareOrdinal(text, _pos, token, 0, token.Length) == 0;

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            _pos++;
    }

    private FormatException Error(string reason) =>
        new($"unsupported routing rule match '{text}': {reason}; {RouteCondition.Supported}");
}
