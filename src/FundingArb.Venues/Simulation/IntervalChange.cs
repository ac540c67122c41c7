namespace FundingArb.Venues.Simulation;

/// The market's funding interval becomes Interval at At (Binance moves a capped symbol from 8 h to 1 h and back).
public readonly record struct IntervalChange(DateTimeOffset At, TimeSpan Interval);
