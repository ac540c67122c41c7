namespace FundingArb.Trading.Risk;

/// Pre-trade limits, bound from config. A null limit is off.
public sealed record RiskLimits
{
    private readonly decimal _marginBuffer = 0.1m;

    /// Base units; per instrument in practice, so off unless set.
    public decimal? MaxOrderSize { get; init; }

    /// Quote notional of one order.
    public decimal? MaxOrderValue { get; init; } = 10_000m;

    /// Largest distance of an order's price from mark, as a fraction of mark.
    public decimal? MaxPriceDeviation { get; init; } = 0.05m;

    /// Largest position value on one instrument after the order, as a fraction of equity.
    public decimal? MaxPositionShareOfEquity { get; init; } = 0.25m;

    public int? MaxOpenPairs { get; init; } = 5;

    /// Quote lost today (realized and unrealized) at which new exposure stops.
    public decimal? DailyLossLimit { get; init; } = 500m;

    /// Extra margin demanded over the exact requirement, as a fraction of it.
    public decimal MarginBuffer
    {
        get => _marginBuffer;
        init => _marginBuffer = value >= 0m ? value : throw new ArgumentOutOfRangeException(nameof(MarginBuffer), value, "The buffer cannot be negative.");
    }

    public static RiskLimits Default { get; } = new();
}
