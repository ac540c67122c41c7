using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// A reduce-only order on the side that would open or increase the position (Binance -2022, HL ReduceOnly, Lighter 21732).
public sealed class ReduceOnlyRejectedException(VenueId venue, ClientOrderId clientOrderId, decimal position)
    : VenueException(venue, VenueError.ReduceOnlyRejected,
        string.Create(CultureInfo.InvariantCulture, $"reduce-only order {clientOrderId} would increase the position {position}"))
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    /// The signed position when the order arrived (positive long).
    public decimal Position { get; } = position;
}
