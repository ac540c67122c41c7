namespace FundingArb.Trading.Funding;

/// A rate a market settled at At, per day.
public readonly record struct SettledRate(DateTimeOffset At, decimal PerDay);
