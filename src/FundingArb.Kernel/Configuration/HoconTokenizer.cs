namespace FundingArb.Kernel.Configuration;

/// Splits HOCON text into tokens, one at a time, tracking 1-based line and column. Comments produce no
/// token; the newline that ends them does, because newlines separate fields and array elements.
internal sealed partial class HoconTokenizer
{
    // The spec's forbidden characters for unquoted strings; whitespace and "//" end them too.
    private const string NotInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";
    private const string Reserved = "`^?!@*&\\";
    private const string NumberCharacters = "0123456789+-.eE";

    private readonly string _text;
    private readonly string? _file;
    private int _position;
    private int _line = 1;
    private int _column = 1;

    public HoconTokenizer(string text, string? file)
    {
        _text = text;
        _file = file;
    }

    public HoconOrigin Here => new(_file, _line, _column);

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    public static bool IsWhitespace(char c) =>
        c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF' || c is >= '\x1C' and <= '\x1F');

    public static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        // JSON forbids leading zeros; "007" stays a string, which the getters still convert to 7.
        if (text[i] == '0' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }

        i = SkipDigits(text, i);
        if (i < text.Length && text[i] == '.')
        {
            var fraction = SkipDigits(text, i + 1);
            if (fraction == i + 1)
            {
                return false;
            }

            i = fraction;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponent = SkipDigits(text, i);
            if (exponent == i)
            {
                return false;
            }

            i = exponent;
        }

        return i == text.Length;
    }

    public HoconToken Next()
    {
        while (true)
        {
            var origin = Here;
            if (AtEnd)
            {
                return new HoconToken(HoconTokenKind.EndOfFile, "", origin);
            }

            var c = Current;
            if (c == '\n')
            {
                Advance();
                return new HoconToken(HoconTokenKind.Newline, "\n", origin);
            }

            if (IsWhitespace(c))
            {
                return new HoconToken(HoconTokenKind.Whitespace, ReadWhitespace(), origin);
            }

            if (c == '#' || IsAt("//"))
            {
                SkipComment();
                continue;
            }

            return c switch
            {
                '{' => Punctuation(HoconTokenKind.LeftBrace, origin),
                '}' => Punctuation(HoconTokenKind.RightBrace, origin),
                '[' => Punctuation(HoconTokenKind.LeftBracket, origin),
                ']' => Punctuation(HoconTokenKind.RightBracket, origin),
                ',' => Punctuation(HoconTokenKind.Comma, origin),
                ':' => Punctuation(HoconTokenKind.Colon, origin),
                '=' => Punctuation(HoconTokenKind.EqualsSign, origin),
                '+' => ReadPlusEquals(origin),
                '"' when IsAt("\"\"\"") => new HoconToken(HoconTokenKind.QuotedString, ReadTripleQuoted(origin), origin),
                '"' => new HoconToken(HoconTokenKind.QuotedString, ReadQuoted(), origin),
                '$' => ReadSubstitution(origin),
                '-' or (>= '0' and <= '9') => ReadNumber(origin),
                _ when Reserved.Contains(c, StringComparison.Ordinal) => throw ReservedCharacter(c, origin),
                _ when IsAt("true") => Keyword(HoconTokenKind.True, "true", origin),
                _ when IsAt("false") => Keyword(HoconTokenKind.False, "false", origin),
                _ when IsAt("null") => Keyword(HoconTokenKind.Null, "null", origin),
                _ => new HoconToken(HoconTokenKind.UnquotedString, ReadUnquoted(), origin),
            };
        }
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private HoconToken ReadSubstitution(HoconOrigin origin)
    {
        if (!IsAt("${"))
        {
            throw ReservedCharacter('$', origin);
        }

        var start = _position;
        Advance();
        Advance();
        var optional = Current == '?';
        if (optional)
        {
            Advance();
        }

        var builder = new HoconPathBuilder();
        string? whitespace = null;
        while (Current != '}')
        {
            if (AtEnd || Current == '\n' || IsAt("//") || (NotInUnquoted.Contains(Current, StringComparison.Ordinal) && Current != '"'))
            {
                throw new HoconParseException(Here, $"expected '}}' to close the substitution opened at {origin}, found {DescribeAt(_position)}");
            }

            if (IsWhitespace(Current))
            {
                whitespace = ReadWhitespace();
                continue;
            }

            // Whitespace between pieces belongs to the path element, as in keys; around the path it does not.
            if (whitespace is not null && !builder.IsEmpty)
            {
                builder.AppendUnquoted(whitespace);
            }

            whitespace = null;
            if (Current == '"')
            {
                builder.AppendQuoted(ReadQuoted());
            }
            else
            {
                builder.AppendUnquoted(ReadUnquoted());
            }
        }

        Advance();
        var path = builder.Build(out var error)
            ?? throw new HoconParseException(origin, $"invalid substitution {_text[start.._position]}: {error}");
        return new HoconToken(HoconTokenKind.Substitution, _text[start.._position], origin)
        {
            Path = [.. path],
            IsOptional = optional,
        };
    }

    private HoconToken ReadNumber(HoconOrigin origin)
    {
        var start = _position;
        while (!AtEnd && NumberCharacters.Contains(Current, StringComparison.Ordinal))
        {
            Advance();
        }

        // Like the reference implementation, number characters that do not form a JSON number (1.2.3,
        // 2024-01-01) are an unquoted string rather than an error.
        var text = _text[start.._position];
        var kind = IsJsonNumber(text) ? HoconTokenKind.Number : HoconTokenKind.UnquotedString;
        return new HoconToken(kind, text, origin);
    }

    private HoconToken ReadPlusEquals(HoconOrigin origin)
    {
        if (!IsAt("+="))
        {
            throw new HoconParseException(origin, "expected '+=' ('+' alone is reserved; quote it to use it in a string)");
        }

        Advance();
        Advance();
        return new HoconToken(HoconTokenKind.PlusEquals, "+=", origin);
    }

    private string ReadWhitespace()
    {
        var start = _position;
        while (!AtEnd && IsWhitespace(Current))
        {
            Advance();
        }

        return _text[start.._position];
    }

    private void SkipComment()
    {
        while (!AtEnd && Current != '\n')
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (!AtEnd)
        {
            if (Current == '\n' || IsWhitespace(Current))
            {
                Advance();
            }
            else if (Current == '#' || IsAt("//"))
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private HoconToken Punctuation(HoconTokenKind kind, HoconOrigin origin)
    {
        var text = _text[_position].ToString();
        Advance();
        return new HoconToken(kind, text, origin);
    }

    private HoconToken Keyword(HoconTokenKind kind, string text, HoconOrigin origin)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Advance();
        }

        return new HoconToken(kind, text, origin);
    }

    private static HoconParseException ReservedCharacter(char c, HoconOrigin origin) =>
        new(origin, $"'{c}' is reserved and not allowed outside quotes; quote the string that contains it");

    private string DescribeAt(int position) => position >= _text.Length
        ? "end of input"
        : _text[position] == '\n' ? "newline" : $"'{_text[position]}'";

    private bool IsAt(string text) => _text.AsSpan(_position).StartsWith(text, StringComparison.Ordinal);

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }
}
