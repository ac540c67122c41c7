using FundingArb.Trading.Funding;

namespace FundingArb.Actors.Control;

/// When the controller enters a pair (`strategy.funding-arb.entry`): its expected funding over the horizon must be at
/// least CostCover times its round-trip costs, on PersistenceSamples scans in a row, each venue's rate estimated
/// with Estimate.
public sealed record FundingEntrySettings
{
    public decimal CostCover { get; init; } = 2m;

    public int PersistenceSamples { get; init; } = 20;

    public FundingEstimateWeights Estimate { get; init; } = FundingEstimateWeights.Default;

    public static FundingEntrySettings Default { get; } = new();
}
