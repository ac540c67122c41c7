namespace FundingArb.Venues.Hocon;

// A scanner, not a parser: Akka's parser builds the values. This walks the text the way Akka's parser reads it so as
// to (1) record where every key is written, which Akka's Config does not keep; (2) refuse, with the line and column,
// what Akka's parser would accept silently or misread ([1,,2], an unclosed brace, a key without a value, +=, a
// substitution of the key it sets); (3) edit the spans Akka's parser cannot read: a comma after `key { ... }`,
// whitespace after a value, include file(...) and required(...) here, ${?path} and environment variables in HoconScan.
// An include at the top of the document is replaced by the included text: Akka's parser resolves a ${path} written in
// a file it includes at the root as ".path" and fails, while the included text in place means the same and resolves.

/// Scans one text (a file or an include) of a document.
internal sealed partial class HoconScanner
{
    // Objects and lists nest at most this deep, so that hostile text fails with an error instead of the stack.
    private const int MaxDepth = 256;

    private readonly HoconScan _scan;
    private readonly HoconSource _source;
    private readonly string _text;
    private int _index;
    private int _line = 1;
    private int _column = 1;
    private int _depth;

    public HoconScanner(HoconScan scan, HoconSource source)
    {
        _scan = scan;
        _source = source;
        _text = source.Text;
    }

    /// The whole text, its keys under prefix (an include inside an object adds its keys to that object).
    public void ScanDocument(string prefix)
    {
        SkipBlank(newlines: true);
        if (Peek() == '{')
        {
            var open = Position;
            Take();
            ScanFields(prefix, open);
        }
        else
        {
            ScanFields(prefix, open: null);
        }

        SkipBlank(newlines: true);
        if (!AtEnd)
        {
            throw Error($"unexpected {Describe()} after the end of the document");
        }
    }

    // Fields up to the brace that closes the object opened at open or, for a document without braces, the end.
    private void ScanFields(string prefix, HoconPosition? open)
    {
        Nest();
        while (true)
        {
            SkipBlank(newlines: true);
            if (AtEnd)
            {
                if (open is { } at)
                {
                    throw Error($"expected '}}' to close the object opened at {at.Line}:{at.Column}");
                }

                _depth--;
                return;
            }

            if (Peek() == '}')
            {
                if (open is null)
                {
                    throw Error("unexpected '}'");
                }

                Take();
                _depth--;
                return;
            }

            if (Peek() == ',')
            {
                throw Error("unexpected ','");
            }

            var objectForm = ScanField(prefix);
            SkipBlank(newlines: false);
            if (Peek() == ',')
            {
                if (objectForm)
                {
                    // Akka's parser stops at a comma after `key { ... }` ("unknown token"); a new line means the same.
                    _source.Replace(_index, 1, " ");
                }

                Take();
            }
            else if (!AtEnd && Peek() is not ('\n' or '}'))
            {
                throw Error($"expected ',' or a new line after the value, found {Describe()}");
            }
        }
    }

    // One field or include; true for the `key { ... }` form.
    private bool ScanField(string prefix)
    {
        var start = _index;
        var at = Position;
        if (AtInclude())
        {
            ScanInclude(prefix, at);
            return false;
        }

        var path = prefix;
        HoconPosition? previous = null;
        foreach (var key in ReadKey())
        {
            path = HoconPath.Join(path, key);
            previous = _scan.Define(path, at);
        }

        SkipBlank(newlines: true);
        switch (Peek())
        {
            case '{':
                var open = Position;
                Take();
                ScanFields(path, open);
                return true;
            case '=' or ':':
                Take();
                ScanValue(path, start, at, previous);
                return false;
            case '+' when PeekAt(1) == '=':
                throw Error("'+=' is not supported (Akka's HOCON parser ignores it); write the whole list");
            default:
                throw Error($"expected '=', ':' or '{{' after the key '{path}', found {Describe()}");
        }
    }

    // A value: one or more parts on one line (a concatenation), up to a new line, a comma, a closing bracket or a comment.
    private void ScanValue(string path, int fieldStart, HoconPosition fieldAt, HoconPosition? previous)
    {
        SkipBlank(newlines: true);
        var parts = 0;
        var end = _index;
        var elements = 0;
        var substitutions = new List<(int Start, int End, bool Optional, IReadOnlyList<string> Keys, HoconPosition At)>();
        while (!AtEnd && !IsCommentStart())
        {
            var c = Peek();
            if (IsSpace(c))
            {
                Take();
                continue;
            }

            if (c == '{')
            {
                var open = Position;
                Take();
                ScanFields(path, open);
            }
            else if (c == '[')
            {
                var open = Position;
                Take();
                ScanList(path, open, ref elements);
            }
            else if (c == '"')
            {
                ReadQuoted();
            }
            else if (c == '$' && PeekAt(1) == '{')
            {
                substitutions.Add(ReadSubstitution());
            }
            else if (IsValueChar(c))
            {
                ReadUnquoted();
            }
            else
            {
                break;
            }

            parts++;
            end = _index;
        }

        if (parts == 0)
        {
            throw Error($"expected a value for '{path}', found {Describe()}");
        }

        if (_index > end)
        {
            // Akka's parser keeps whitespace after a value as part of it, which turns [] or [a] into something that is
            // neither a list nor a string.
            _source.Replace(end, _index - end, "");
        }

        foreach (var (start, stop, optional, keys, at) in substitutions)
        {
            _scan.Add(new SubstitutionSite(_source, start, stop, optional, keys, at, path, fieldAt, fieldStart, end, parts == 1, previous));
        }
    }

    private void ScanList(string path, HoconPosition open, ref int index)
    {
        Nest();
        while (true)
        {
            SkipBlank(newlines: true);
            if (AtEnd)
            {
                throw Error($"expected ']' to close the list opened at {open.Line}:{open.Column}");
            }

            if (Peek() == ']')
            {
                Take();
                _depth--;
                return;
            }

            if (Peek() == ',')
            {
                throw Error("unexpected ','");
            }

            var element = HoconPath.Element(path, index++);
            var start = _index;
            var at = Position;
            var previous = _scan.Define(element, at);
            ScanValue(element, start, at, previous);
            SkipBlank(newlines: false);
            if (Peek() == ',')
            {
                Take();
            }
            else if (!AtEnd && Peek() is not ('\n' or ']'))
            {
                throw Error($"expected ',' or ']' after the list element, found {Describe()}");
            }
        }
    }

    // Every object and list calls this on entry and decrements _depth when it closes (an error ends the whole scan).
    private void Nest()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"objects and lists nest more than {MaxDepth} deep");
        }
    }

    // include "name", include file("name"), include required(...) of either; url() and classpath() have no meaning here.
    private void ScanInclude(string prefix, HoconPosition at)
    {
        var statement = _index;
        TakeText("include");
        SkipBlank(newlines: false);
        var argument = _index;
        var required = TakeText("required(");
        if (required)
        {
            SkipBlank(newlines: false);
        }

        var plain = Peek() == '"';
        var name = ReadIncludeTarget();
        if (required)
        {
            SkipBlank(newlines: false);
            Expect(')');
        }

        var included = _scan.Include(_source, name, required, prefix, at);
        if (prefix.Length == 0 && included is not null)
        {
            _source.Inline(statement, _index - statement, included);
        }
        else if (required || !plain)
        {
            // Akka's parser reads only include "name".
            _source.Replace(argument, _index - argument, HoconScan.Quote(name));
        }
    }

    private string ReadIncludeTarget()
    {
        if (Peek() == '"')
        {
            return ReadQuoted();
        }

        if (TakeText("file("))
        {
            SkipBlank(newlines: false);
            var name = Peek() == '"' ? ReadQuoted() : throw Error($"expected a quoted file name, found {Describe()}");
            SkipBlank(newlines: false);
            Expect(')');
            return name;
        }

        throw Error($"expected \"name\", file(\"name\") or required(...) after include, found {Describe()} (url() and classpath() are not supported)");
    }

    private (int Start, int End, bool Optional, IReadOnlyList<string> Keys, HoconPosition At) ReadSubstitution()
    {
        var start = _index;
        var at = Position;
        TakeText("${");
        var optional = Peek() == '?';
        if (optional)
        {
            Take();
        }

        var keys = ReadKey();
        Expect('}');
        return (start, _index, optional, keys, at);
    }
}
