using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Bybit;

// Bybit's refusals carry a code and a text, not the figures our exceptions hold: margin required and available, and the
// position a reduce-only order met, are reported as zero. The minimum notional is the instrument's, which we know.

/// Turns a Bybit retCode into the typed VenueException its meaning matches.
internal static class BybitErrors
{
    public static Exception For(VenueId venue, BybitRefusal refusal, OrderRequest? request, ClientOrderId? orderId, TimeSpan requestTimeout)
    {
        var id = request?.ClientOrderId ?? orderId;
        var general = General(venue, refusal, requestTimeout);
        if (general is not null || id is not { } order)
        {
            return (Exception?)general ?? new InvalidOperationException($"{venue}: Bybit refused the request with {refusal.RetCode}: {refusal.RetMsg}");
        }

        return refusal.RetCode switch
        {
            BybitRetCode.OrderNotExists => new UnknownOrderException(venue, order, refusal.RetMsg),
            BybitRetCode.InsufficientAvailableBalance or BybitRetCode.AvailableBalanceNotEnough or BybitRetCode.InsufficientAvailableMargin =>
                new InsufficientMarginException(venue, order, 0m, 0m),
            BybitRetCode.ReduceOnlyRuleNotSatisfied => new ReduceOnlyRejectedException(venue, order, 0m),
            BybitRetCode.OrderLinkIdDuplicate => new DuplicateClientOrderIdException(venue, order),
            BybitRetCode.BelowMinNotional => new BelowMinNotionalException(venue, order,
                request is { Price: { } price } ? price * request.Quantity : 0m, request?.Instrument.Rules.MinNotional ?? 0m),
            _ => new InvalidOrderException(venue, order, $"{refusal.RetCode} {refusal.RetMsg}"),
        };
    }

    private static VenueException? General(VenueId venue, BybitRefusal refusal, TimeSpan requestTimeout) => refusal.RetCode switch
    {
        BybitRetCode.TimestampOutsideWindow or BybitRetCode.InvalidApiKey or BybitRetCode.InvalidSign =>
            new AuthenticationFailedException(venue, refusal.RetMsg),
        BybitRetCode.TooManyVisits => new RateLimitedException(venue, refusal.RetryAfter),
        BybitRetCode.ServerTimeout => new VenueTimeoutException(venue, requestTimeout),

        // A server error says nothing about whether the request took effect.
        BybitRetCode.ServerError => new VenueUnavailableException(venue, answerLost: true),
        _ => null,
    };
}
