using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// No working order with this client id: never received, or already filled, cancelled or expired (Binance -2011, Bybit 110001).
public sealed class UnknownOrderException(VenueId venue, ClientOrderId clientOrderId, string detail)
    : VenueException(venue, VenueError.UnknownOrder, $"order {clientOrderId}: {detail}")
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    /// What the venue said of the id, as it said it ("no order has this orderId").
    public string Detail { get; } = detail;
}
