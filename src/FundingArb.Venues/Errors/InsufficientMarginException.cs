using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// The order needs more initial margin (plus its taker fee) than the account has available (Binance -2019, Bybit 110044, HL PerpMargin).
public sealed class InsufficientMarginException(VenueId venue, ClientOrderId clientOrderId, decimal required, decimal available)
    : VenueException(venue, VenueError.InsufficientMargin,
        string.Create(CultureInfo.InvariantCulture, $"order {clientOrderId} needs margin {required}, {available} available"))
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    public decimal Required { get; } = required;

    public decimal Available { get; } = available;
}
