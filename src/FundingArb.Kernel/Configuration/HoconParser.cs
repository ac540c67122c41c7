using System.Text;

namespace FundingArb.Kernel.Configuration;

/// Builds the unresolved tree of one document (one file, string or include) from its tokens.
internal sealed class HoconParser
{
    // Deep enough for any real configuration, shallow enough that hostile input cannot overflow the stack.
    private const int MaxDepth = 256;

    private readonly HoconTokenizer _tokenizer;
    private readonly HoconIncluder _includer;
    private readonly string? _name;
    private readonly string[] _prefix;
    private HoconToken? _peeked;
    private int _depth;

    private HoconParser(string text, string? name, HoconIncluder includer, string[] prefix)
    {
        _tokenizer = new HoconTokenizer(text, name);
        _includer = includer;
        _name = name;
        _prefix = prefix;
    }

    /// Parses a whole document, which must be an object, with or without its braces.
    /// <paramref name="prefix"/> is the path the document is included at (empty for the root document).
    public static HoconObjectNode ParseDocument(string text, string? name, HoconIncluder includer, string[] prefix) =>
        new HoconParser(text, name, includer, prefix).ParseDocument();

    private HoconObjectNode ParseDocument()
    {
        SkipWhitespace(newlines: true);
        var first = Peek();
        HoconObjectNode root;
        if (first.Kind == HoconTokenKind.LeftBrace)
        {
            Take();
            root = ParseObject(braced: true, [], first.Origin);
            SkipWhitespace(newlines: true);
            var trailing = Peek();
            if (trailing.Kind != HoconTokenKind.EndOfFile)
            {
                throw Unexpected(trailing, "end of input after the root object");
            }
        }
        else if (first.Kind == HoconTokenKind.LeftBracket)
        {
            throw new HoconParseException(first.Origin, "expected an object at the root of the document, found an array");
        }
        else
        {
            root = ParseObject(braced: false, [], first.Origin);
        }

        return root;
    }

    /// <paramref name="path"/> is the object's path from the document root, or null inside arrays
    /// (where <c>+=</c> has no field to append to).
    private HoconObjectNode ParseObject(bool braced, string[]? path, HoconOrigin origin)
    {
        EnterNested(origin);
        var node = new HoconObjectNode(origin);
        while (true)
        {
            SkipWhitespace(newlines: true);
            var token = Peek();
            if (token.Kind == HoconTokenKind.RightBrace && braced)
            {
                Take();
                break;
            }

            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                if (braced)
                {
                    throw new HoconParseException(token.Origin, $"expected '}}' to close the object opened at {origin}, found end of input");
                }

                break;
            }

            if (token.Kind == HoconTokenKind.RightBrace)
            {
                throw new HoconParseException(token.Origin, "found '}' with no matching '{' (the document has no root braces)");
            }

            if (token.Kind == HoconTokenKind.UnquotedString && token.Text == "include")
            {
                Take();
                ParseInclude(node, path);
            }
            else
            {
                ParseField(node, path);
            }

            ExpectSeparator(braced ? "'}'" : "end of input");
        }

        _depth--;
        return node;
    }

    private void ParseField(HoconObjectNode target, string[]? objectPath)
    {
        var keyOrigin = Peek().Origin;
        var key = ParseKey();
        SkipWhitespace(newlines: true);
        var separator = Peek();
        HoconNode value;
        var fieldPath = objectPath is null ? null : (string[])[.. objectPath, .. key];
        switch (separator.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.EqualsSign:
                Take();
                SkipWhitespace(newlines: true);
                value = ParseValue(fieldPath);
                break;
            case HoconTokenKind.LeftBrace:
                value = ParseValue(fieldPath);
                break;
            case HoconTokenKind.PlusEquals:
                Take();
                SkipWhitespace(newlines: true);
                value = AppendToArray(ParseValue(null), fieldPath, separator);
                break;
            default:
                throw Unexpected(separator, $"':', '=', '+=' or '{{' after the key {HoconPath.Render(key)}");
        }

        target.Add(key, value, keyOrigin);
    }

    /// <c>a += v</c> is <c>a = ${?a} [v]</c>.
    private HoconNode AppendToArray(HoconNode element, string[]? fieldPath, HoconToken separator)
    {
        var array = new HoconArrayNode([element], element.Origin);
        if (fieldPath is null)
        {
            return array;
        }

        var previous = new HoconSubstitutionNode(fieldPath, _prefix, isOptional: true, $"${{?{HoconPath.Render(fieldPath)}}}", separator.Origin);
        return new HoconConcatenationNode([previous, array], ["", ""], separator.Origin);
    }

    private string[] ParseKey()
    {
        var first = Peek();
        var builder = new HoconPathBuilder();
        string? whitespace = null;
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                whitespace = Take().Text;
                continue;
            }

            if (token.Kind == HoconTokenKind.Substitution)
            {
                throw new HoconParseException(token.Origin, $"substitutions are not allowed in keys, found {token.Text}");
            }

            if (!token.IsSimpleValue)
            {
                break;
            }

            Take();
            if (whitespace is not null)
            {
                builder.AppendUnquoted(whitespace);
                whitespace = null;
            }

            if (token.Kind == HoconTokenKind.QuotedString)
            {
                builder.AppendQuoted(token.Text);
            }
            else
            {
                builder.AppendUnquoted(token.Text);
            }
        }

        if (builder.IsEmpty)
        {
            throw Unexpected(Peek(), "a key");
        }

        return builder.Build(out var error) ?? throw new HoconParseException(first.Origin, $"invalid key: {error}");
    }

    private void ParseInclude(HoconObjectNode target, string[]? objectPath)
    {
        var include = _tokenizer.ReadIncludeTarget();
        string[] prefix = objectPath is null ? _prefix : [.. _prefix, .. objectPath];
        var included = _includer.Include(include, _name, prefix);
        if (included is not null)
        {
            target.Fields.MergeFrom(included.Fields);
        }
    }

    /// A value concatenation: simple values, substitutions, objects and arrays separated only by spaces.
    private HoconNode ParseValue(string[]? path)
    {
        var parts = new List<HoconNode>();
        var whitespace = new List<string>();
        var pending = "";
        var allLiteral = true;
        while (true)
        {
            var token = Peek();
            HoconNode part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    pending = Take().Text;
                    continue;
                case HoconTokenKind.LeftBrace:
                    Take();
                    part = ParseObject(braced: true, path, token.Origin);
                    break;
                case HoconTokenKind.LeftBracket:
                    Take();
                    part = ParseArray(token.Origin);
                    break;
                case HoconTokenKind.Substitution:
                    Take();
                    part = new HoconSubstitutionNode([.. token.Path], _prefix, token.IsOptional, token.Text, token.Origin);
                    break;
                case var _ when token.IsSimpleValue:
                    Take();
                    part = new HoconLiteralNode(Literal(token));
                    break;
                default:
                    if (parts.Count == 0)
                    {
                        throw Unexpected(token, "a value");
                    }

                    return Combine(parts, whitespace, allLiteral);
            }

            allLiteral &= part is HoconLiteralNode;
            whitespace.Add(parts.Count == 0 ? "" : pending);
            parts.Add(part);
            pending = "";
        }
    }

    private static HoconNode Combine(List<HoconNode> parts, List<string> whitespace, bool allLiteral)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (!allLiteral)
        {
            return new HoconConcatenationNode(parts, whitespace, parts[0].Origin);
        }

        // Scalars only: the concatenation is a string now; no need to carry it to resolution.
        var text = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            text.Append(whitespace[i]).Append(((HoconLiteralNode)parts[i]).Value.GetString() ?? "null");
        }

        return new HoconLiteralNode(HoconValue.String(text.ToString(), parts[0].Origin));
    }

    private HoconArrayNode ParseArray(HoconOrigin origin)
    {
        EnterNested(origin);
        var elements = new List<HoconNode>();
        while (true)
        {
            SkipWhitespace(newlines: true);
            var token = Peek();
            if (token.Kind == HoconTokenKind.RightBracket)
            {
                Take();
                break;
            }

            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                throw new HoconParseException(token.Origin, $"expected ']' to close the array opened at {origin}, found end of input");
            }

            elements.Add(ParseValue(null));
            ExpectSeparator("']'");
        }

        _depth--;
        return new HoconArrayNode(elements, origin);
    }

    /// After a field or element: a comma, a newline, or the closing token (checked by the caller's loop).
    private void ExpectSeparator(string closing)
    {
        SkipWhitespace(newlines: false);
        var token = Peek();
        if (token.Kind == HoconTokenKind.Comma)
        {
            Take();
            SkipWhitespace(newlines: true);
            if (Peek() is { Kind: HoconTokenKind.Comma } second)
            {
                throw new HoconParseException(second.Origin, "found two commas in a row; remove one");
            }

            return;
        }

        if (token.Kind is not (HoconTokenKind.Newline or HoconTokenKind.RightBrace or HoconTokenKind.RightBracket or HoconTokenKind.EndOfFile))
        {
            throw Unexpected(token, $"',', a newline or {closing}");
        }
    }

    private static HoconValue Literal(HoconToken token) => token.Kind switch
    {
        HoconTokenKind.Number => HoconValue.Number(token.Text, token.Origin),
        HoconTokenKind.True => HoconValue.Boolean(true, token.Origin),
        HoconTokenKind.False => HoconValue.Boolean(false, token.Origin),
        HoconTokenKind.Null => HoconValue.Null(token.Origin),
        _ => HoconValue.String(token.Text, token.Origin),
    };

    private void EnterNested(HoconOrigin origin)
    {
        if (++_depth > MaxDepth)
        {
            throw new HoconParseException(origin, $"objects and arrays are nested more than {MaxDepth} deep");
        }
    }

    private void SkipWhitespace(bool newlines)
    {
        while (Peek().Kind == HoconTokenKind.Whitespace || (newlines && Peek().Kind == HoconTokenKind.Newline))
        {
            Take();
        }
    }

    private static HoconParseException Unexpected(HoconToken token, string expected) =>
        new(token.Origin, $"expected {expected}, found {token.Describe()}");

    private HoconToken Peek() => _peeked ??= _tokenizer.Next();

    private HoconToken Take()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }
}
