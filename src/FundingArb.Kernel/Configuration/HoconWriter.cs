using System.Globalization;
using System.Text;

namespace FundingArb.Kernel.Configuration;

/// Renders resolved values as indented JSON, which any HOCON parser reads back to the same value.
internal static class HoconWriter
{
    public static string Write(HoconValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, HoconValue value, int indent)
    {
        switch (value.Kind)
        {
            case HoconValueKind.Object:
                WriteObject(builder, value.Fields, indent);
                break;
            case HoconValueKind.Array:
                WriteArray(builder, value.GetArray(), indent);
                break;
            case HoconValueKind.String:
                AppendQuoted(builder, value.GetString()!);
                break;
            case HoconValueKind.Null:
                builder.Append("null");
                break;
            default:
                builder.Append(value.GetString());
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, HoconFields fields, int indent)
    {
        if (fields.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        var first = true;
        foreach (var (key, child) in fields)
        {
            if (!first)
            {
                builder.Append(",\n");
            }

            first = false;
            builder.Append(' ', indent + 2);
            AppendQuoted(builder, key);
            builder.Append(" : ");
            Write(builder, child, indent + 2);
        }

        builder.Append('\n').Append(' ', indent).Append('}');
    }

    private static void WriteArray(StringBuilder builder, IReadOnlyList<HoconValue> items, int indent)
    {
        if (items.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append("[\n");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(",\n");
            }

            builder.Append(' ', indent + 2);
            Write(builder, items[i], indent + 2);
        }

        builder.Append('\n').Append(' ', indent).Append(']');
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
