using System.Globalization;
using System.Text;

namespace FundingArb.Kernel.Internal;

/// <summary>Fills the named holes of a log template positionally, as message-template loggers do.</summary>
internal static class LogTemplate
{
    public static string Format(string template, ReadOnlySpan<object?> args)
    {
        if (args.IsEmpty || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                builder.Append(c);
                continue;
            }

            builder.Append(next < args.Length ? Convert.ToString(args[next], CultureInfo.InvariantCulture) : template[i..(close + 1)]);
            next++;
            i = close;
        }

        return builder.ToString();
    }
}
