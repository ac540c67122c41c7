using System.Globalization;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Instruments;

/// A venue's rules for one market. Sizes in this library are in base units; StepSize and MinSize are in the
/// venue's order unit (contracts on OKX), and ContractMultiplier is base units per contract (1 on most venues).
/// Rounding is one-sided on purpose: a price rounds toward the passive side (never crosses further than asked)
/// and a size rounds down (never spends more than the budget). PriceBand is how far from the mark, as a fraction of it,
/// the venue takes a limit price (Binance's PERCENT_PRICE filter: ±5 % on its perpetuals).
public sealed record TradingRules
{
    public const decimal DefaultPriceBand = 0.05m;

    public TradingRules(decimal tickSize, decimal stepSize, decimal minSize, decimal minNotional, decimal contractMultiplier = 1m,
        decimal priceBand = DefaultPriceBand)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        ArgumentOutOfRangeException.ThrowIfNegative(minSize);
        ArgumentOutOfRangeException.ThrowIfNegative(minNotional);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contractMultiplier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priceBand);
        TickSize = tickSize;
        StepSize = stepSize;
        MinSize = minSize;
        MinNotional = minNotional;
        ContractMultiplier = contractMultiplier;
        PriceBand = priceBand;
    }

    public decimal TickSize { get; }

    public decimal StepSize { get; }

    public decimal MinSize { get; }

    public decimal MinNotional { get; }

    public decimal ContractMultiplier { get; }

    public decimal PriceBand { get; }

    /// The smallest size increment in base units.
    public decimal BaseStep => StepSize * ContractMultiplier;

    public decimal MinBaseSize => MinSize * ContractMultiplier;

    /// A buy rounds down and a sell rounds up, so quantising never makes an order more aggressive.
    public decimal QuantizePrice(decimal price, OrderSide side)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var ticks = price / TickSize;
        var whole = side == OrderSide.Buy ? decimal.Floor(ticks) : decimal.Ceiling(ticks);
        return whole * TickSize;
    }

    public decimal QuantizeSize(decimal baseSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseSize);
        return decimal.Floor(baseSize / BaseStep) * BaseStep;
    }

    public decimal ToContracts(decimal baseSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseSize);
        return baseSize / ContractMultiplier;
    }

    public bool IsOnTick(decimal price) => price % TickSize == 0m;

    public bool IsOnStep(decimal baseSize) => baseSize % BaseStep == 0m;

    /// The first rule a (price, base size) pair breaks, or null when the venue would accept it.
    public RuleViolation? Check(decimal price, decimal baseSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseSize);
        if (!IsOnTick(price))
        {
            return Violation(RuleViolationKind.PriceOffTick, price, TickSize, $"price {price} is not a multiple of the tick {TickSize}");
        }

        if (!IsOnStep(baseSize))
        {
            return Violation(RuleViolationKind.SizeOffStep, baseSize, BaseStep, $"size {baseSize} is not a multiple of the step {BaseStep}");
        }

        if (baseSize < MinBaseSize)
        {
            return Violation(RuleViolationKind.BelowMinSize, baseSize, MinBaseSize, $"size {baseSize} is below the minimum {MinBaseSize}");
        }

        var notional = price * baseSize;
        if (notional < MinNotional)
        {
            return Violation(RuleViolationKind.BelowMinNotional, notional, MinNotional, $"notional {notional} is below the minimum {MinNotional}");
        }

        return null;
    }

    /// A violation when a limit price lies further from the mark than the band allows; the band's edges are inside.
    public RuleViolation? CheckPriceBand(decimal price, decimal mark)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mark);
        var (low, high) = (mark * (1m - PriceBand), mark * (1m + PriceBand));
        return price < low || price > high
            ? Violation(RuleViolationKind.PriceOutsideBand, price, price < low ? low : high,
                $"price {price} is outside the band {low:0.########} to {high:0.########} ({PriceBand:P1} around the mark {mark})")
            : null;
    }

    private static RuleViolation Violation(RuleViolationKind kind, decimal actual, decimal required, FormattableString message) =>
        new(kind, actual, required, message.ToString(CultureInfo.InvariantCulture));
}
