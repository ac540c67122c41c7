namespace FundingArb.Venues.Simulation;

/// A funding rate (per the market's interval at the time) that takes effect at At and holds until the next point.
public readonly record struct FundingPoint(DateTimeOffset At, decimal Rate);
