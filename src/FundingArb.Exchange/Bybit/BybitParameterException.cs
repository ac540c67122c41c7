namespace FundingArb.Exchange.Bybit;

/// A request parameter Bybit would refuse with retCode 10001; the message names the field and the value.
internal sealed class BybitParameterException(string field, string? value, string expected)
    : ArgumentException($"{field} '{value}' is invalid: {expected}", field);
