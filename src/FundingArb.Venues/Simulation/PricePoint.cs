namespace FundingArb.Venues.Simulation;

/// The mid at one instant of a piecewise-linear price path.
public readonly record struct PricePoint(DateTimeOffset At, decimal Mid);
