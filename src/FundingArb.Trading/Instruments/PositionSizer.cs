using System.Globalization;

namespace FundingArb.Trading.Instruments;

/// Converts between quote notional and base size. Invariant: a size returned here never costs more than
/// the budget at the given price and is a whole number of steps on every venue it is meant for.
public static class PositionSizer
{
    public static decimal BaseSize(decimal quoteNotional, decimal price, TradingRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quoteNotional);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentNullException.ThrowIfNull(rules);
        return rules.QuantizeSize(quoteNotional / price);
    }

    public static decimal QuoteNotional(decimal baseSize, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        return baseSize * price;
    }

    /// The largest equal base size whose notional on each leg stays within quoteNotionalPerLeg. Hummingbot
    /// sizes both legs as budget / mid of the first venue and quantises each leg on its own, so the legs can
    /// differ by a step and the dearer leg can exceed the budget; here the size is
    /// a multiple of both venues' steps and is bounded by the dearer price.
    public static PairSizing SizePair(
        decimal quoteNotionalPerLeg,
        decimal longPrice,
        TradingRules longRules,
        decimal shortPrice,
        TradingRules shortRules)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quoteNotionalPerLeg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(longPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shortPrice);
        ArgumentNullException.ThrowIfNull(longRules);
        ArgumentNullException.ThrowIfNull(shortRules);

        var step = LeastCommonMultiple(longRules.BaseStep, shortRules.BaseStep);
        var maxPrice = Math.Max(longPrice, shortPrice);
        var size = decimal.Floor(quoteNotionalPerLeg / maxPrice / step) * step;
        if (size == 0m)
        {
            return Rejected(step, SizingRejectionReason.BudgetBelowCommonStep, quoteNotionalPerLeg, step * maxPrice,
                $"budget {quoteNotionalPerLeg} buys less than one common step {step} at {maxPrice}");
        }

        var minSize = Math.Max(longRules.MinBaseSize, shortRules.MinBaseSize);
        if (size < minSize)
        {
            return Rejected(step, SizingRejectionReason.BelowMinSize, size, minSize,
                $"size {size} is below the larger minimum size {minSize}");
        }

        var longNotional = size * longPrice;
        var shortNotional = size * shortPrice;
        if (longNotional < longRules.MinNotional)
        {
            return Rejected(step, SizingRejectionReason.BelowMinNotional, longNotional, longRules.MinNotional,
                $"long notional {longNotional} is below that venue's minimum {longRules.MinNotional}");
        }

        if (shortNotional < shortRules.MinNotional)
        {
            return Rejected(step, SizingRejectionReason.BelowMinNotional, shortNotional, shortRules.MinNotional,
                $"short notional {shortNotional} is below that venue's minimum {shortRules.MinNotional}");
        }

        return new PairSizing(size, longNotional, shortNotional, step, null);
    }

    /// Exact on decimals: the remainder of two decimals is exact, so Euclid's algorithm needs no scaling.
    internal static decimal LeastCommonMultiple(decimal a, decimal b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        var (x, y) = (a, b);
        while (y != 0m)
        {
            (x, y) = (y, x % y);
        }

        return a / x * b;
    }

    private static PairSizing Rejected(decimal step, SizingRejectionReason reason, decimal actual, decimal required, FormattableString message) =>
        new(0m, 0m, 0m, step, new SizingRejection(reason, actual, required, message.ToString(CultureInfo.InvariantCulture)));
}
