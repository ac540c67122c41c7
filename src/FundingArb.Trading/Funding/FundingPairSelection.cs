using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Funding;

/// The outcome of a scan for one asset. Best is null when no pair qualifies, and Reason then says why;
/// Candidates holds every evaluated direction, best net edge first, so the choice can be audited.
public sealed record FundingPairSelection(
    Asset Asset,
    FundingOpportunity? Best,
    ImmutableArray<FundingOpportunity> Candidates,
    ImmutableArray<FundingRejection> Rejections,
    string? Reason)
{
    public bool HasPair => Best is not null;
}
