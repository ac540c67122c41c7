using System.Globalization;
using System.Text.Json;

namespace FundingArb.Venues.Binance;

// Binance sends prices, quantities and rates as strings ("0.00010000") and times as integer milliseconds. A field
// that is missing or of another type is a protocol break, reported with the field's name and the value seen.

/// Reads Binance's JSON fields into decimals, integers and UTC times, never through double.
internal static class BinanceJson
{
    public static string String(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Malformed(element, name);

    public static decimal Decimal(JsonElement element, string name)
    {
        var value = Field(element, name) ?? throw Malformed(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Number => value.GetDecimal(),
            _ => throw Malformed(element, name),
        };
    }

    /// Null for a missing field or Binance's "" (a figure it does not have).
    public static decimal? OptionalDecimal(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } ? Decimal(element, name) : null;

    public static long Long(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : throw Malformed(element, name);

    public static bool Bool(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : throw Malformed(element, name);

    public static DateTimeOffset Time(JsonElement element, string name) => DateTimeOffset.FromUnixTimeMilliseconds(Long(element, name));

    private static JsonElement? Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static FormatException Malformed(JsonElement element, string name)
    {
        var seen = Field(element, name) is { } value ? value.GetRawText() : "nothing";
        return new FormatException($"Binance field '{name}' is malformed: got {seen}.");
    }
}
