namespace FundingArb.Trading.Analytics;

public readonly record struct EquityPoint(DateTimeOffset At, decimal Equity);
