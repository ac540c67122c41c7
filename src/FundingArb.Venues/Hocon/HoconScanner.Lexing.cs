using System.Globalization;
using System.Text;

namespace FundingArb.Venues.Hocon;

// Characters as Akka's tokenizer classifies them: an unquoted value may not hold $"{}[]:=,#`^?!@*&\ (Akka's
// NotInUnquotedText), an unquoted key none of those, '.', '+' or whitespace; # and // start a comment.
internal sealed partial class HoconScanner
{
    private const string NotInValue = "$\"{}[]:=,#`^?!@*&\\";
    private const string NotInKey = NotInValue + ".+";

    private bool AtEnd => _index >= _text.Length;

    private HoconPosition Position => new(_source.File, _line, _column);

    private char Peek() => PeekAt(0);

    private char PeekAt(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private char Take()
    {
        var c = _text[_index++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private bool TakeText(string text)
    {
        if (string.CompareOrdinal(_text, _index, text, 0, text.Length) != 0)
        {
            return false;
        }

        foreach (var _ in text)
        {
            Take();
        }

        return true;
    }

    private void Expect(char c)
    {
        if (Peek() != c || AtEnd)
        {
            throw Error($"expected '{c}', found {Describe()}");
        }

        Take();
    }

    private static bool IsSpace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private bool IsCommentStart() => Peek() == '#' || (Peek() == '/' && PeekAt(1) == '/');

    private bool IsValueChar(char c) => !IsSpace(c) && c != '\n' && !NotInValue.Contains(c, StringComparison.Ordinal) && !IsCommentStart();

    private bool IsKeyChar(char c) => !IsSpace(c) && c != '\n' && !NotInKey.Contains(c, StringComparison.Ordinal) && !IsCommentStart();

    // Whitespace and comments; new lines too when they separate nothing.
    private void SkipBlank(bool newlines)
    {
        while (!AtEnd)
        {
            if (IsSpace(Peek()) || (newlines && Peek() == '\n'))
            {
                Take();
            }
            else if (IsCommentStart())
            {
                while (!AtEnd && Peek() != '\n')
                {
                    Take();
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool AtInclude()
    {
        const string Include = "include";
        if (string.CompareOrdinal(_text, _index, Include, 0, Include.Length) != 0)
        {
            return false;
        }

        var next = _index + Include.Length;
        if (next >= _text.Length || !IsSpace(_text[next]))
        {
            return false;
        }

        while (next < _text.Length && IsSpace(_text[next]))
        {
            next++;
        }

        var rest = _text.AsSpan(next);
        return rest.StartsWith("\"") || rest.StartsWith("file(") || rest.StartsWith("required(") || rest.StartsWith("url(") || rest.StartsWith("classpath(");
    }

    // A path expression: keys separated by dots, each unquoted or quoted (or both: a."b.c".d has three keys).
    // Spaces inside an unquoted key are kept when more key follows on the line ("a b = 1" sets the key "a b").
    private List<string> ReadKey()
    {
        var keys = new List<string>();
        var key = new StringBuilder();
        var quoted = false;
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '"')
            {
                if (PeekAt(1) == '"' && PeekAt(2) == '"')
                {
                    throw Error("a key cannot be a triple-quoted string");
                }

                key.Append(ReadQuoted());
                quoted = true;
            }
            else if (c == '.')
            {
                keys.Add(EndKey(key, quoted));
                quoted = false;
                Take();
            }
            else if (IsKeyChar(c))
            {
                key.Append(Take());
            }
            else if (IsSpace(c) && KeyContinuesAfterSpaces())
            {
                key.Append(Take());
            }
            else
            {
                break;
            }
        }

        keys.Add(EndKey(key, quoted));
        return keys;
    }

    private string EndKey(StringBuilder key, bool quoted)
    {
        if (key.Length == 0 && !quoted)
        {
            throw Error($"expected a key, found {Describe()}");
        }

        var text = key.ToString();
        key.Clear();
        return text;
    }

    private bool KeyContinuesAfterSpaces()
    {
        var next = _index;
        while (next < _text.Length && IsSpace(_text[next]))
        {
            next++;
        }

        if (next >= _text.Length)
        {
            return false;
        }

        var c = _text[next];
        var comment = c == '#' || (c == '/' && next + 1 < _text.Length && _text[next + 1] == '/');
        return !comment && (c == '"' || (c != '\n' && !NotInKey.Contains(c, StringComparison.Ordinal)));
    }

    private void ReadUnquoted()
    {
        while (!AtEnd && IsValueChar(Peek()))
        {
            Take();
        }
    }

    // A "string" with JSON escapes, or a """string""" taken as written (it may span lines).
    private string ReadQuoted()
    {
        var start = Position;
        if (TakeText("\"\"\""))
        {
            var begin = _index;
            while (!AtEnd && string.CompareOrdinal(_text, _index, "\"\"\"", 0, 3) != 0)
            {
                Take();
            }

            if (AtEnd)
            {
                throw new HoconSyntaxException(start, "this \"\"\" string is never closed");
            }

            var text = _text[begin.._index];
            TakeText("\"\"\"");
            return text;
        }

        Take();
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw new HoconSyntaxException(start, "this string is not closed on its line");
            }

            var c = Take();
            if (c == '"')
            {
                return value.ToString();
            }

            value.Append(c == '\\' ? ReadEscape() : c);
        }
    }

    private char ReadEscape()
    {
        var at = Position;
        var c = AtEnd ? '\0' : Take();
        switch (c)
        {
            case '"' or '\\' or '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u' when _index + 4 <= _text.Length
                && ushort.TryParse(_text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                for (var i = 0; i < 4; i++)
                {
                    Take();
                }

                return (char)code;
            default:
                throw new HoconSyntaxException(at, $"'\\{c}' is not an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private string Describe() => AtEnd ? "the end of the text" : Peek() == '\n' ? "a new line" : $"'{Peek()}'";

    private HoconSyntaxException Error(string message) => new(Position, message);
}
