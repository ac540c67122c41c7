namespace FundingArb.Exchange.Okx;

/// A request parameter OKX would refuse with 51000 ("Parameter {param} error"); the message names the field and value.
internal sealed class OkxParameterException(string field, string? value, string expected)
    : ArgumentException($"Parameter {field} error: '{value}' is invalid, expected {expected}", field);
