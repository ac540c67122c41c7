using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Simulation.Snapshots;

public sealed record FundingPaymentSnapshot(string Symbol, PositionSide Side, decimal Size, decimal Price, decimal Rate, decimal Amount,
    DateTimeOffset At);
