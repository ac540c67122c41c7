using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Binance;

// Binance's error body carries a code and a fixed message, not the figures behind it: where a typed error wants
// them (the margin needed, the position), the order's own figures stand in or zero says "not reported". The codes
// are those of Binance's USD-M error-code table (docs/venues.md, "Error codes verified").

/// Turns a Binance refusal into the typed VenueException the IVenue contract promises.
internal static class BinanceErrorMapping
{
    public static VenueException ToException(VenueId venue, BinanceCall call, int code, string message, TimeSpan timeout)
    {
        var order = call.Order;
        if ((call.ClientOrderId ?? order?.ClientOrderId) is not { } orderId)
        {
            return Unordered(venue, code, timeout);
        }

        return code switch
        {
            -1021 or -1022 or -2014 or -2015 or -1003 or -1001 or -1007 => Unordered(venue, code, timeout),
            -2019 => new InsufficientMarginException(venue, orderId, 0m, 0m),
            -5022 => new PostOnlyWouldCrossException(venue, orderId, order?.Price ?? 0m, 0m),
            -4164 => new BelowMinNotionalException(venue, orderId, order is null ? 0m : order.Quantity * (order.Price ?? 0m), order?.Instrument.Rules.MinNotional ?? 0m),
            -2022 => new ReduceOnlyRejectedException(venue, orderId, 0m),
            -4116 => new DuplicateClientOrderIdException(venue, orderId),
            -2011 or -2013 => new UnknownOrderException(venue, orderId, message),
            _ => new InvalidOrderException(venue, orderId, $"{message} ({code})"),
        };
    }

    /// The refusals that concern the request rather than an order; a code not known here on a request without an
    /// order is reported as the venue being unavailable, the one error that promises nothing about the request.
    private static VenueException Unordered(VenueId venue, int code, TimeSpan timeout) => code switch
    {
        -1021 => new AuthenticationFailedException(venue, "timestamp outside recvWindow (-1021)"),
        -1022 => new AuthenticationFailedException(venue, "signature not valid (-1022)"),
        -2014 or -2015 => new AuthenticationFailedException(venue, $"API key refused ({code})"),
        -1003 => new RateLimitedException(venue, TimeSpan.FromMinutes(1)),
        -1007 => new VenueTimeoutException(venue, timeout),
        _ => new VenueUnavailableException(venue),
    };
}
