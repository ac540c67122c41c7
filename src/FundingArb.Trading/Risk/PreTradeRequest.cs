using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Risk;

/// The order to check. Price is the limit price, or for a market order the price expected from the book walk.
/// OpensNewPair marks the first leg of a new funding pair, for the open-pairs limit.
public sealed record PreTradeRequest
{
    public PreTradeRequest(OrderSide side, decimal quantity, decimal price, decimal markPrice, decimal leverage,
        decimal estimatedFee, TradingRules rules, bool reduceOnly = false, bool opensNewPair = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(markPrice);
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1m);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedFee);
        ArgumentNullException.ThrowIfNull(rules);
        Side = side;
        Quantity = quantity;
        Price = price;
        MarkPrice = markPrice;
        Leverage = leverage;
        EstimatedFee = estimatedFee;
        Rules = rules;
        ReduceOnly = reduceOnly;
        OpensNewPair = opensNewPair;
    }

    public OrderSide Side { get; }

    public decimal Quantity { get; }

    public decimal Price { get; }

    public decimal MarkPrice { get; }

    public decimal Leverage { get; }

    public decimal EstimatedFee { get; }

    public TradingRules Rules { get; }

    public bool ReduceOnly { get; }

    public bool OpensNewPair { get; }

    public decimal Notional => Quantity * Price;
}
