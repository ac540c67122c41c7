using System.Globalization;
using System.Text.Json;

namespace FundingArb.Venues.Okx;

/// Reads OKX's field types: every number a string (decimals parsed invariant, never through double), times epoch ms in
/// a string. A missing or malformed field fails naming the field and the value.
internal static class OkxJson
{
    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"OKX field {name} is missing or not a string in {Shorten(element.GetRawText())}.");

    public static decimal Decimal(JsonElement element, string name) =>
        OptionalDecimal(element, name) ?? throw new FormatException($"OKX field {name} is empty in {Shorten(element.GetRawText())}.");

    /// OKX sends "" for a figure it does not have (nextFundingRate in current_period mode, avgPx before a fill).
    public static decimal? OptionalDecimal(JsonElement element, string name)
    {
        var text = Text(element, name);
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"OKX field {name} is '{text}', not a decimal.");
    }

    public static DateTimeOffset Millis(JsonElement element, string name)
    {
        var text = Text(element, name);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new FormatException($"OKX field {name} is '{text}', not epoch milliseconds.");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
