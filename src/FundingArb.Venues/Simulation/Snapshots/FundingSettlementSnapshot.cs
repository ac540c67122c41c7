namespace FundingArb.Venues.Simulation.Snapshots;

public sealed record FundingSettlementSnapshot(string Symbol, decimal Rate, TimeSpan Interval, DateTimeOffset At, decimal? BasisPrice = null);
