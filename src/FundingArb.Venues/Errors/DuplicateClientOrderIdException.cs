using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// The client order id was already used on this venue: the order it named exists (look it up; do not resend).
public sealed class DuplicateClientOrderIdException(VenueId venue, ClientOrderId clientOrderId)
    : VenueException(venue, VenueError.DuplicateClientOrderId, $"client order id {clientOrderId} was already used")
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;
}
