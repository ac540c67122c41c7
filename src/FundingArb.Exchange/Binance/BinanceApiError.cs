using System.Net;

namespace FundingArb.Exchange.Binance;

/// A refusal in Binance's words: the HTTP status, the numeric code and the message Binance answers with
/// (`{"code":-1022,"msg":"Signature for this request is not valid."}`). RetryAfter goes out as the Retry-After header.
internal sealed class BinanceApiError(HttpStatusCode status, int code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public int Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static BinanceApiError BadRequest(int code, string message) => new(HttpStatusCode.BadRequest, code, message);

    public static BinanceApiError MissingParameter(string name) => BadRequest(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static BinanceApiError IllegalParameter(string name, string value) => BadRequest(-1130, $"Data sent for parameter '{name}' is not valid: '{value}'.");
}
