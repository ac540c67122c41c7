using System.Text;

namespace FundingArb.Kernel.Configuration;

/// Path expressions as the getters take them (<c>a."b.c".d</c>) and as messages render them.
internal static class HoconPath
{
    /// Splits a path expression into its elements.
    /// <exception cref="ArgumentException">The path is empty, has an empty element, or is not a valid expression.</exception>
    public static string[] Parse(string path)
    {
        // Fast path for the common case: plain dotted keys need no tokenizer.
        if (path.AsSpan().IndexOfAny("\" \t$") < 0)
        {
            var elements = path.Split('.');
            if (Array.IndexOf(elements, "") < 0)
            {
                return elements;
            }
        }

        var tokenizer = new HoconTokenizer(path, file: null);
        var builder = new HoconPathBuilder();
        try
        {
            for (var token = tokenizer.Next(); token.Kind != HoconTokenKind.EndOfFile; token = tokenizer.Next())
            {
                if (token.Kind == HoconTokenKind.QuotedString)
                {
                    builder.AppendQuoted(token.Text);
                }
                else if (token.IsSimpleValue || token.Kind == HoconTokenKind.Whitespace)
                {
                    builder.AppendUnquoted(token.Text);
                }
                else
                {
                    throw new ArgumentException($"Invalid path '{path}': unexpected {token.Describe()}.", nameof(path));
                }
            }
        }
        catch (HoconParseException e)
        {
            throw new ArgumentException($"Invalid path '{path}': {e.Message}", nameof(path), e);
        }

        return builder.Build(out var error) ?? throw new ArgumentException($"Invalid path '{path}': {error}.", nameof(path));
    }

    /// Renders elements as a path expression, quoting the elements that need it.
    public static string Render(IReadOnlyList<string> elements)
    {
        var builder = new StringBuilder();
        foreach (var element in elements)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            AppendElement(builder, element);
        }

        return builder.ToString();
    }

    public static string Join(string prefix, string element)
    {
        var builder = new StringBuilder(prefix);
        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        AppendElement(builder, element);
        return builder.ToString();
    }

    private static void AppendElement(StringBuilder builder, string element)
    {
        var plain = element.Length > 0 && !char.IsAsciiDigit(element[0]) && element[0] != '-'
            && element.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && element is not ("true" or "false" or "null" or "include");
        if (plain)
        {
            builder.Append(element);
        }
        else
        {
            builder.Append(HoconWriter.Quote(element));
        }
    }
}
