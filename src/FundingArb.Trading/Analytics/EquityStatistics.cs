namespace FundingArb.Trading.Analytics;

/// Statistics over an equity curve sampled every ReturnPeriod. Sharpe and Sortino are annualised by
/// √PeriodsPerYear with a zero risk-free rate, and are null when undefined (fewer than two returns, or no
/// variation / no downside). MaxDrawdown is the largest fall from a running peak, in quote; its fraction is of
/// that peak; its duration runs from the peak to the recovery to it, or to the last point if not recovered.
public sealed record EquityStatistics(
    TimeSpan ReturnPeriod,
    double PeriodsPerYear,
    int Returns,
    double? Sharpe,
    double? Sortino,
    decimal MaxDrawdown,
    decimal MaxDrawdownFraction,
    TimeSpan MaxDrawdownDuration,
    bool MaxDrawdownRecovered);
