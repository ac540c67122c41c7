using System.Globalization;
using System.Text;

namespace FundingArb.Kernel.Configuration;

/// A minimal Java-properties reader for included <c>.properties</c> files, mapped as the HOCON spec says:
/// keys split on every '.', values are always strings, and an object wins over a string at the same path.
/// Supported: '#' and '!' comment lines, '=', ':' or whitespace separators, backslash escapes and line
/// continuations. Not supported: ISO-8859-1 decoding (files are read as UTF-8 like every other include).
internal static class PropertiesParser
{
    public static HoconObjectNode Parse(string text, string name)
    {
        var entries = new List<(string[] Path, HoconValue Value)>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(line) && index + 1 < lines.Length)
            {
                line = string.Concat(line.AsSpan(0, line.Length - 1), lines[++index].TrimEnd('\r').TrimStart());
            }

            var (key, value) = Split(line);
            entries.Add((key.Split('.'), HoconValue.String(value, new HoconOrigin(name, lineNumber, 1))));
        }

        var root = new HoconObjectNode(new HoconOrigin(name, 1, 1));

        // Shorter paths first, so that "a.b=x" replaces "a=y" whatever the file order: the object wins.
        foreach (var (path, value) in entries.OrderBy(e => e.Path.Length))
        {
            root.Add(path, new HoconLiteralNode(value), value.Origin);
        }

        return root;
    }

    private static bool EndsWithContinuation(string line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length && line[i] is not ('=' or ':') && !char.IsWhiteSpace(line[i]))
        {
            i = Unescape(line, i, key);
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            i = Unescape(line, i, value);
        }

        return (key.ToString(), value.ToString());
    }

    /// Appends the character at <paramref name="i"/>, decoding a backslash escape; returns the next index.
    private static int Unescape(string line, int i, StringBuilder target)
    {
        if (line[i] != '\\' || i + 1 >= line.Length)
        {
            target.Append(line[i]);
            return i + 1;
        }

        var c = line[i + 1];
        if (c == 'u' && i + 6 <= line.Length
            && ushort.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            target.Append((char)code);
            return i + 6;
        }

        target.Append(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => c });
        return i + 2;
    }
}
