using System.Globalization;
using System.Text.Json;

namespace FundingArb.Venues.Bybit;

/// Reads Bybit's field types: decimals as strings (parsed invariant, never through double), times as epoch ms in a
/// string or a number. A missing or malformed field fails naming the field and the value.
internal static class BybitJson
{
    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Malformed(name, element);

    public static decimal Decimal(JsonElement element, string name)
    {
        var text = Text(element, name);
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Bybit field {name} is '{text}', not a decimal.");
    }

    public static DateTimeOffset Millis(JsonElement element, string name)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(value.GetInt64());
        }

        var text = Text(element, name);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new FormatException($"Bybit field {name} is '{text}', not epoch milliseconds.");
    }

    public static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Malformed(name, element);

    public static FormatException Malformed(string name, JsonElement element) =>
        new($"Bybit field {name} is missing or of the wrong type in {Shorten(element.GetRawText())}.");

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
