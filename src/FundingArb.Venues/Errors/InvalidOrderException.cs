using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// The venue refused the order before matching for a reason other than the named errors: an unknown market,
/// a price off the tick, a size off the step or below the minimum.
public sealed class InvalidOrderException(VenueId venue, ClientOrderId clientOrderId, string reason)
    : VenueException(venue, VenueError.InvalidOrder, $"order {clientOrderId}: {reason}")
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    public string Reason { get; } = reason;
}
