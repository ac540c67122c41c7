using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FundingArb.Exchange.Okx;

/// Reads request parameters (query string values, JSON body fields) the way OKX validates them.
internal static class OkxParameters
{
    public static void RequireSwap(string? instType)
    {
        if (!string.Equals(instType, "SWAP", StringComparison.Ordinal))
        {
            throw new OkxParameterException("instType", instType, "SWAP, the only type this venue serves");
        }
    }

    public static string Required(string field, string? value) =>
        string.IsNullOrEmpty(value) ? throw new OkxParameterException(field, value, "a value") : value;

    public static decimal PositiveDecimal(string field, string? value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed > 0m
            ? parsed
            : throw new OkxParameterException(field, value, "a positive decimal string");

    public static int Limit(string field, string? value, int fallback, int maximum)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= maximum
            ? limit
            : throw new OkxParameterException(field, value, string.Create(CultureInfo.InvariantCulture, $"1 to {maximum}"));
    }

    public static DateTimeOffset? Millis(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new OkxParameterException(field, value, "epoch milliseconds");
    }

    public static JsonObject Body(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new OkxParameterException("body", body, "a JSON object");
        }
        catch (JsonException error)
        {
            throw new OkxParameterException("body", body, error.Message);
        }
    }

    /// A body field OKX sends as a string; absent is null.
    public static string? Text(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new OkxParameterException(name, other.ToJsonString(), "a string"),
    };

    /// reduceOnly: OKX takes a JSON boolean or the strings "true" and "false".
    public static bool Flag(JsonObject fields, string name) => fields[name] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() is JsonValueKind.False => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is "true" or "false" => value.GetValue<string>() == "true",
        var other => throw new OkxParameterException(name, other.ToJsonString(), "true or false"),
    };
}
