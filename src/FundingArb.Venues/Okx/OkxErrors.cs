using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Okx;

// OKX's refusals carry a code and a text, not the figures our exceptions hold: margin required and available, the
// position a reduce-only order met and the minimum size are reported as zero.

/// Turns an OKX code (top-level or sCode) into the typed VenueException its meaning matches.
internal static class OkxErrors
{
    public static Exception For(VenueId venue, OkxRefusal refusal, OrderRequest? request, ClientOrderId? orderId, TimeSpan requestTimeout)
    {
        var general = General(venue, refusal, requestTimeout);
        if (general is not null || (request?.ClientOrderId ?? orderId) is not { } order)
        {
            return (Exception?)general ?? new InvalidOperationException($"{venue}: OKX refused the request with {refusal.Code}: {refusal.Message}");
        }

        return refusal.Code switch
        {
            OkxCode.CancelFailedNoOrder or OkxCode.OrderNotExist => new UnknownOrderException(venue, order, refusal.Message),
            OkxCode.InsufficientMargin => new InsufficientMarginException(venue, order, 0m, 0m),
            OkxCode.ReduceOnlyIncreases => new ReduceOnlyRejectedException(venue, order, 0m),
            OkxCode.DuplicateClOrdId => new DuplicateClientOrderIdException(venue, order),
            OkxCode.BelowMinSize => new BelowMinNotionalException(venue, order,
                request is { Price: { } price } ? price * request.Quantity : 0m, request?.Instrument.Rules.MinNotional ?? 0m),
            _ => new InvalidOrderException(venue, order, $"{refusal.Code} {refusal.Message}"),
        };
    }

    private static VenueException? General(VenueId venue, OkxRefusal refusal, TimeSpan requestTimeout) => refusal.Code switch
    {
        OkxCode.WrongEnvironment or OkxCode.TimestampExpired or OkxCode.KeyMissing or OkxCode.PassphraseMissing or OkxCode.PassphraseIncorrect
            or OkxCode.SignMissing or OkxCode.TimestampMissing or OkxCode.InvalidKey or OkxCode.InvalidTimestamp or OkxCode.InvalidSign =>
            new AuthenticationFailedException(venue, $"{refusal.Code} {refusal.Message}"),
        OkxCode.RateLimited => new RateLimitedException(venue, refusal.RetryAfter),
        OkxCode.Timeout => new VenueTimeoutException(venue, requestTimeout),

        // A service error says nothing about whether the request took effect.
        OkxCode.ServiceUnavailable => new VenueUnavailableException(venue, answerLost: true),
        _ => null,
    };
}
