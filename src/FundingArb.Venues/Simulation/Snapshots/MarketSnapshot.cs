using System.Collections.Immutable;

namespace FundingArb.Venues.Simulation.Snapshots;

/// One market's processes (generator states included), funding schedule, the current step's book consumption and position.
public sealed record MarketSnapshot
{
    public required string Symbol { get; init; }

    public required ImmutableArray<ulong> PriceRandom { get; init; }

    public required ImmutableArray<ulong> FundingRandom { get; init; }

    public required double PriceState { get; init; }

    public required long MidTicks { get; init; }

    public required decimal FundingRate { get; init; }

    public required decimal PreviousFundingRate { get; init; }

    public required long FundingChangedAtTicks { get; init; }

    public required double FundingState { get; init; }

    public required long FundingNext { get; init; }

    public required TimeSpan Interval { get; init; }

    public required int NextIntervalChange { get; init; }

    public required DateTimeOffset NextSettlement { get; init; }

    public required long BookSequence { get; init; }

    public required ImmutableArray<decimal> BidsTaken { get; init; }

    public required ImmutableArray<decimal> AsksTaken { get; init; }

    public required PositionSnapshot Position { get; init; }
}
