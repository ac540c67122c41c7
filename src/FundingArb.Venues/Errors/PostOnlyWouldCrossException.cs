using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Errors;

/// A post-only order priced through the opposite touch, refused at once (Binance -5022, HL BadAloPx, dYdX 2003).
/// Venues of the other style (Bybit, OKX) accept it and cancel it on the stream with this error's name as the reason.
public sealed class PostOnlyWouldCrossException(VenueId venue, ClientOrderId clientOrderId, decimal price, decimal oppositeTouch)
    : VenueException(venue, VenueError.PostOnlyWouldCross,
        string.Create(CultureInfo.InvariantCulture, $"post-only order {clientOrderId} at {price} would cross the opposite touch {oppositeTouch}"))
{
    public ClientOrderId ClientOrderId { get; } = clientOrderId;

    public decimal Price { get; } = price;

    public decimal OppositeTouch { get; } = oppositeTouch;
}
