namespace FundingArb.Venues.Simulation.Snapshots;

/// The figures of a PositionHold (PositionHold.Restore rebuilds it exactly).
public sealed record PositionSnapshot(decimal NetQuantity, decimal CostBasis, decimal RealizedPnl, decimal FundingPnl, decimal Fees,
    decimal Volume, decimal BoughtQuantity, decimal SoldQuantity);
