namespace FundingArb.Trading.Barriers;

/// The exit rules of a funding pair; a null rule is off. Defaults: Hummingbot's funding stop (-0.001 per day) and take
/// profit (1 % of one leg's notional); the cost-aware erosion and switch, the re-entry test of the take profit, the
/// minimum hold and the time limit are ours. ReentryCover is the entry's cost cover (`entry.cost-cover`).
public sealed record FundingPairExitSettings
{
    public decimal? FlipThresholdPerDay { get; init; } = -0.001m;

    public decimal? ErosionMinCover { get; init; } = 0m;

    public decimal? ProfitTarget { get; init; } = 0.01m;

    public decimal ReentryCover { get; init; } = 2m;

    public TimeSpan? TimeLimit { get; init; }

    public decimal? BetterOpportunityMargin { get; init; } = 0.001m;

    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(3);

    /// Only a funding flip, a time limit, a risk limit or a stop closes a pair younger than this.
    public TimeSpan MinHold { get; init; } = TimeSpan.FromHours(8);

    public static FundingPairExitSettings Default { get; } = new();
}
