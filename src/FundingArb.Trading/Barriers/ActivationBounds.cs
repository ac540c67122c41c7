using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Barriers;

/// How close mid must be to an order's price for the order to be placed or kept.
/// Lower and Upper are Hummingbot's b0 and b1, fractions of price. A limit order uses only Lower: a buy stays
/// while its price is at least mid × (1 − Lower), a sell while at most mid × (1 + Lower). A market order
/// needs mid inside [price × (1 − Lower), price × (1 + Upper)] for a buy and the mirror band for a sell.
public readonly record struct ActivationBounds
{
    public ActivationBounds(decimal lower, decimal upper)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lower);
        ArgumentOutOfRangeException.ThrowIfNegative(upper);
        Lower = lower;
        Upper = upper;
    }

    public decimal Lower { get; }

    public decimal Upper { get; }

    public bool IsWithin(decimal price, decimal mid, OrderSide side, OrderType type)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mid);
        if (type != OrderType.Market)
        {
            return side == OrderSide.Buy ? price >= mid * (1m - Lower) : price <= mid * (1m + Lower);
        }

        return side == OrderSide.Buy
            ? price * (1m - Lower) <= mid && mid <= price * (1m + Upper)
            : price * (1m - Upper) <= mid && mid <= price * (1m + Lower);
    }
}
