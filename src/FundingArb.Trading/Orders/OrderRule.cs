using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Orders;

// A venue given a quantity off its step rounds it, and one below a step to nothing; a reduce-only order on no position
// opens one on some venues and is refused on others. An order typed by hand is checked here first, so what reaches
// the venue is exactly what was asked for, or nothing is sent.

/// What a venue would refuse or silently change about an order, checked before it is sent.
public static class OrderRule
{
    /// The first problem, naming the request field (quantity, price, reduce_only), or null. Position is the account's
    /// signed net quantity on the market (negative: short); Mark the venue's mark price now.
    public static FieldRefusal? Check(Instrument instrument, OrderSide side, OrderType type, decimal quantity, decimal? price, bool reduceOnly,
        decimal mark, decimal position)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mark);
        var rules = instrument.Rules;
        var market = $"{instrument.Symbol} on {instrument.Venue}";
        if (!instrument.IsTradable)
        {
            return new FieldRefusal("symbol", $"{market} is not trading");
        }

        if (!rules.IsOnStep(quantity))
        {
            return Refuse("quantity", $"{quantity} is not a multiple of the step {rules.BaseStep} of {market}; nothing is rounded");
        }

        if (quantity < rules.MinBaseSize)
        {
            return Refuse("quantity", $"{quantity} is below the minimum size {rules.MinBaseSize} of {market}");
        }

        if (type != OrderType.Market)
        {
            if (price is not { } limit || limit <= 0m)
            {
                return new FieldRefusal("price", $"a {type} order needs a price above zero");
            }

            if (!rules.IsOnTick(limit))
            {
                return Refuse("price", $"{limit} is not a multiple of the tick {rules.TickSize} of {market}");
            }

            if (rules.CheckPriceBand(limit, mark) is { } outside)
            {
                return new FieldRefusal("price", $"{outside.Message} of {market}");
            }
        }

        if (reduceOnly)
        {
            return ReduceOnly(side, quantity, position, market);
        }

        var notional = (price ?? mark) * quantity;
        return notional < rules.MinNotional
            ? Refuse("quantity", $"{quantity} at {price ?? mark} is {notional} {instrument.Quote}, below the minimum notional {rules.MinNotional} of {market}")
            : null;
    }

    private static FieldRefusal? ReduceOnly(OrderSide side, decimal quantity, decimal position, string market)
    {
        var reducible = side == OrderSide.Sell ? Math.Max(position, 0m) : Math.Max(-position, 0m);
        if (reducible == 0m)
        {
            var needed = side == OrderSide.Sell ? "long" : "short";
            return Refuse("reduce_only", $"a reduce-only {side} needs a {needed} position on {market}, and the position is {position}");
        }

        return quantity > reducible
            ? Refuse("quantity", $"{quantity} is more than the {reducible} a reduce-only {side} can close on {market}")
            : null;
    }

    private static FieldRefusal Refuse(string field, FormattableString reason) => new(field, reason.ToString(CultureInfo.InvariantCulture));
}
