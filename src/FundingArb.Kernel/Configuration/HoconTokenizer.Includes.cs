namespace FundingArb.Kernel.Configuration;

internal sealed partial class HoconTokenizer
{
    /// Reads what follows an unquoted <c>include</c>: a quoted name, or file(), url(), classpath(), required().
    public HoconIncludeTarget ReadIncludeTarget()
    {
        SkipWhitespaceAndComments();
        return ReadIncludeArgument(allowRequired: true);
    }

    private HoconIncludeTarget ReadIncludeArgument(bool allowRequired)
    {
        var origin = Here;
        if (Current == '"' && !IsAt("\"\"\""))
        {
            return new HoconIncludeTarget(ReadQuoted(), HoconIncludeKind.Heuristic, false, origin);
        }

        var start = _position;
        while (char.IsAsciiLetter(Current))
        {
            Advance();
        }

        var word = _text[start.._position];
        HoconIncludeKind? kind = word switch
        {
            "file" => HoconIncludeKind.File,
            "url" => HoconIncludeKind.Url,
            "classpath" => HoconIncludeKind.Classpath,
            _ => null,
        };
        var required = word == "required" && allowRequired;
        if ((kind is null && !required) || Current != '(')
        {
            throw new HoconParseException(origin,
                $"expected a quoted name, file(\"...\"), url(\"...\"), classpath(\"...\") or required(...) after include, found {DescribeAt(start)}");
        }

        Advance();
        SkipWhitespaceAndComments();
        HoconIncludeTarget target;
        if (required)
        {
            target = ReadIncludeArgument(allowRequired: false) with { Required = true, Origin = origin };
        }
        else if (Current == '"' && !IsAt("\"\"\""))
        {
            target = new HoconIncludeTarget(ReadQuoted(), kind!.Value, false, origin);
        }
        else
        {
            throw new HoconParseException(Here, $"expected a quoted name inside {word}(...), found {DescribeAt(_position)}");
        }

        SkipWhitespaceAndComments();
        if (Current != ')')
        {
            throw new HoconParseException(Here, $"expected ')' to close {word}(, found {DescribeAt(_position)}");
        }

        Advance();
        return target;
    }
}
