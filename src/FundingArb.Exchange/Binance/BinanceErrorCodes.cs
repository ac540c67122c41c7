using System.Globalization;
using System.Net;
using FundingArb.Venues.Errors;

namespace FundingArb.Exchange.Binance;

// The codes and messages are Binance's USD-M error-code table (docs/venues.md, "Error codes verified").
// Order lookups and cancels differ only in the unknown-order code: -2013 for a query, -2011 for a cancel.

/// Translates the simulated venue's typed refusals into the error Binance would answer with.
internal static class BinanceErrorCodes
{
    public const int TooManyRequests = -1003;
    public const int Disconnected = -1001;
    public const int Timeout = -1007;
    public const int TimestampOutsideRecvWindow = -1021;
    public const int InvalidSignature = -1022;
    public const int BadPrecision = -1111;
    public const int InvalidSymbol = -1121;
    public const int UnknownOrderOnCancel = -2011;
    public const int UnknownOrderOnQuery = -2013;
    public const int InvalidApiKey = -2015;
    public const int MarginInsufficient = -2019;
    public const int ReduceOnlyRejected = -2022;
    public const int DuplicateClientOrderId = -4116;
    public const int BelowMinNotional = -4164;
    public const int PostOnlyWouldTake = -5022;

    /// HTTP 418: the IP kept sending after a 429 and is banned until the given instant.
    public static BinanceApiError Banned(DateTimeOffset until, TimeSpan wait) => new((HttpStatusCode)418, TooManyRequests,
        $"Way too many requests; IP banned until {until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}. Please use the websocket for live updates to avoid bans.",
        wait);

    public static BinanceApiError From(VenueException error, bool cancelling) => error switch
    {
        RateLimitedException limited => new BinanceApiError(HttpStatusCode.TooManyRequests, TooManyRequests,
            "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.",
            limited.RetryAfter),
        VenueUnavailableException { AnswerLost: false } => new BinanceApiError(HttpStatusCode.ServiceUnavailable, Disconnected,
            "Internal error; unable to process your request. Please try again."),
        VenueUnavailableException or VenueTimeoutException => new BinanceApiError(HttpStatusCode.ServiceUnavailable, Timeout,
            "Timeout waiting for response from backend server. Send status unknown; execution status unknown."),
        InsufficientMarginException => BinanceApiError.BadRequest(MarginInsufficient, "Margin is insufficient."),
        PostOnlyWouldCrossException => BinanceApiError.BadRequest(PostOnlyWouldTake,
            "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history"),
        BelowMinNotionalException below => BinanceApiError.BadRequest(BelowMinNotional,
            $"Order's notional must be no smaller than {below.Minimum} (unless you choose reduce only)."),
        ReduceOnlyRejectedException => BinanceApiError.BadRequest(ReduceOnlyRejected, "ReduceOnly Order is rejected."),
        DuplicateClientOrderIdException => BinanceApiError.BadRequest(DuplicateClientOrderId, "ClientOrderId is duplicated."),
        UnknownOrderException => cancelling
            ? BinanceApiError.BadRequest(UnknownOrderOnCancel, "Unknown order sent.")
            : BinanceApiError.BadRequest(UnknownOrderOnQuery, "Order does not exist."),
        InvalidOrderException invalid => BinanceApiError.BadRequest(BadPrecision, invalid.Reason),
        _ => BinanceApiError.BadRequest(BadPrecision, error.Error.ToString()),
    };
}
