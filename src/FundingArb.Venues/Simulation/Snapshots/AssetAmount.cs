namespace FundingArb.Venues.Simulation.Snapshots;

public sealed record AssetAmount(string Asset, decimal Amount);
