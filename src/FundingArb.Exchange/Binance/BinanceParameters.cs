using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Binance;

// Binance signs "totalParams": the query string followed directly by the request body, each as sent (still
// URL-encoded), with the signature parameter itself left out. The pairs are kept raw for that reason and
// decoded only when a handler reads a value.

/// The parameters of one request, from its query string and its form body, and the text its signature covers.
internal sealed class BinanceParameters
{
    private readonly Dictionary<string, string> _values;

    private BinanceParameters(Dictionary<string, string> values, string signedPayload, string? signature)
    {
        _values = values;
        SignedPayload = signedPayload;
        Signature = signature;
    }

    public string SignedPayload { get; }

    public string? Signature { get; }

    public static async Task<BinanceParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var body = string.Empty;
        if (request.ContentLength is > 0 || request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? signature = null;
        var payload = Unsigned(query, values, ref signature) + Unsigned(body, values, ref signature);
        return new BinanceParameters(values, payload, signature);
    }

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Optional(name) ?? throw BinanceApiError.MissingParameter(name);

    public decimal RequiredDecimal(string name) => ParseDecimal(name, Required(name));

    public decimal? OptionalDecimal(string name) => Optional(name) is { } text ? ParseDecimal(name, text) : null;

    public long? OptionalLong(string name) =>
        Optional(name) is not { } text ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw BinanceApiError.IllegalParameter(name, text);

    public bool OptionalBool(string name) =>
        Optional(name) switch
        {
            null or "false" or "FALSE" => false,
            "true" or "TRUE" => true,
            var other => throw BinanceApiError.IllegalParameter(name, other),
        };

    private static decimal ParseDecimal(string name, string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BinanceApiError.IllegalParameter(name, text);

    private static string Unsigned(string raw, Dictionary<string, string> values, ref string? signature)
    {
        var kept = new List<string>();
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (name == "signature")
            {
                signature = value;
                continue;
            }

            values[name] = value;
            kept.Add(pair);
        }

        return string.Join('&', kept);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
