using FundingArb.Venues.Simulation.Snapshots;

namespace FundingArb.Venues.Paper;

/// One market the paper account traded: the instrument as the venue listed it (so orders can be rebuilt without asking
/// the venue at start) and the position.
public sealed record PaperMarketSnapshot
{
    public required string Symbol { get; init; }

    public required string Base { get; init; }

    public required string Quote { get; init; }

    public required decimal TickSize { get; init; }

    public required decimal StepSize { get; init; }

    public required decimal MinSize { get; init; }

    public required decimal MinNotional { get; init; }

    public required decimal ContractMultiplier { get; init; }

    public required decimal PriceBand { get; init; }

    public required PositionSnapshot Position { get; init; }
}
