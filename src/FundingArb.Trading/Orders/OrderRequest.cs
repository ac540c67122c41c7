using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Orders;

/// An order as we mean to send it. Invariant: the price is on the instrument's tick and the quantity on its
/// step, because rounding happens once, when the order is built (quantise with TradingRules first).
public sealed record OrderRequest
{
    public OrderRequest(
        ClientOrderId clientOrderId,
        Instrument instrument,
        OrderSide side,
        OrderType type,
        decimal quantity,
        decimal? price,
        TimeInForce timeInForce,
        bool reduceOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (!instrument.Rules.IsOnStep(quantity))
        {
            throw new ArgumentException(Format($"Quantity {quantity} is not a multiple of the step {instrument.Rules.BaseStep}."), nameof(quantity));
        }

        if (type == OrderType.Market)
        {
            if (price is not null)
            {
                throw new ArgumentException("A market order carries no price.", nameof(price));
            }

            if (timeInForce == TimeInForce.Gtc)
            {
                throw new ArgumentException("A market order cannot rest: use IOC or FOK.", nameof(timeInForce));
            }
        }
        else
        {
            if (price is not { } limit || limit <= 0m)
            {
                throw new ArgumentException(Format($"A {type} order needs a positive price, got {price}."), nameof(price));
            }

            if (!instrument.Rules.IsOnTick(limit))
            {
                throw new ArgumentException(Format($"Price {limit} is not a multiple of the tick {instrument.Rules.TickSize}."), nameof(price));
            }

            if (type == OrderType.LimitMaker && timeInForce != TimeInForce.Gtc)
            {
                throw new ArgumentException("A post-only order must rest: IOC and FOK would never make.", nameof(timeInForce));
            }
        }

        ClientOrderId = clientOrderId;
        Instrument = instrument;
        Side = side;
        Type = type;
        Quantity = quantity;
        Price = price;
        TimeInForce = timeInForce;
        ReduceOnly = reduceOnly;
    }

    public ClientOrderId ClientOrderId { get; }

    public Instrument Instrument { get; }

    public OrderSide Side { get; }

    public OrderType Type { get; }

    /// Base units.
    public decimal Quantity { get; }

    public decimal? Price { get; }

    public TimeInForce TimeInForce { get; }

    public bool ReduceOnly { get; }

    public bool IsPostOnly => Type == OrderType.LimitMaker;

    public static OrderRequest Limit(ClientOrderId id, Instrument instrument, OrderSide side, decimal quantity, decimal price,
        TimeInForce timeInForce = TimeInForce.Gtc, bool reduceOnly = false) =>
        new(id, instrument, side, OrderType.Limit, quantity, price, timeInForce, reduceOnly);

    public static OrderRequest PostOnly(ClientOrderId id, Instrument instrument, OrderSide side, decimal quantity, decimal price,
        bool reduceOnly = false) =>
        new(id, instrument, side, OrderType.LimitMaker, quantity, price, TimeInForce.Gtc, reduceOnly);

    public static OrderRequest Market(ClientOrderId id, Instrument instrument, OrderSide side, decimal quantity,
        TimeInForce timeInForce = TimeInForce.Ioc, bool reduceOnly = false) =>
        new(id, instrument, side, OrderType.Market, quantity, null, timeInForce, reduceOnly);

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
