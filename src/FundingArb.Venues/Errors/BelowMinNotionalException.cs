using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// The order's notional is below the market's minimum (Binance -4164, Bybit 110094, HL MinTradeNtl); reduce-only orders are exempt.
public sealed class BelowMinNotionalException(VenueId venue, ClientOrderId clientOrderId, decimal notional, decimal minimum)
    : VenueException(venue, VenueError.BelowMinNotional,
        string.Create(CultureInfo.InvariantCulture, $"order {clientOrderId} has notional {notional}, below the minimum {minimum}"))
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    public decimal Notional { get; } = notional;

    public decimal Minimum { get; } = minimum;
}
