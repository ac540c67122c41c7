using System.Globalization;
using System.Text;

namespace FundingArb.Kernel.Configuration;

internal sealed partial class HoconTokenizer
{
    private string ReadQuoted()
    {
        var opened = Here;
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current < ' ')
            {
                throw new HoconParseException(Here,
                    $"expected '\"' to close the string opened at {opened}, found {DescribeAt(_position)} (use \\n, or a \"\"\" string, for multi-line text)");
            }

            var c = Current;
            Advance();
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(builder);
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        var origin = Here;
        if (AtEnd)
        {
            throw new HoconParseException(origin, "expected an escape after '\\', found end of input");
        }

        var c = Current;
        Advance();
        switch (c)
        {
            case '"' or '\\' or '/': builder.Append(c); break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'u' when _position + 4 <= _text.Length
                && ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                builder.Append((char)code);
                for (var i = 0; i < 4; i++)
                {
                    Advance();
                }

                break;
            default:
                throw new HoconParseException(origin, $"invalid escape '\\{c}' in a quoted string (JSON escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private string ReadTripleQuoted(HoconOrigin origin)
    {
        Advance();
        Advance();
        Advance();
        var builder = new StringBuilder();
        while (!AtEnd)
        {
            if (Current != '"')
            {
                builder.Append(Current);
                Advance();
                continue;
            }

            var run = 0;
            while (Current == '"')
            {
                run++;
                Advance();
            }

            // Any run of three or more quotes closes the string; the extra quotes before the last three belong to it.
            builder.Append('"', run >= 3 ? run - 3 : run);
            if (run >= 3)
            {
                return builder.ToString();
            }
        }

        throw new HoconParseException(Here, $"expected '\"\"\"' to close the string opened at {origin}, found end of input");
    }

    private string ReadUnquoted()
    {
        var start = _position;
        while (!AtEnd && !IsWhitespace(Current) && Current != '\n'
            && !NotInUnquoted.Contains(Current, StringComparison.Ordinal) && !IsAt("//"))
        {
            Advance();
        }

        return _text[start.._position];
    }
}
