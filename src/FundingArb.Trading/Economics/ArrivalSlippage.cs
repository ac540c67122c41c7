using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Economics;

/// What an order's fills cost against the mid when the order reached the venue (its arrival mid), in quote: positive
/// when a buy filled above it or a sell below it, negative when the fills beat it.
public static class ArrivalSlippage
{
    public static decimal Of(TrackedOrder order, decimal arrivalMid)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arrivalMid);
        return order.Request.Side.Sign() * (order.FilledQuote - (arrivalMid * order.FilledQuantity));
    }
}
