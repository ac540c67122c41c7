namespace FundingArb.Trading.Barriers;

/// The exit rules of a funding pair; a null rule is off. Defaults: Hummingbot's funding stop (-0.001 per day)
/// and take profit (1 % of one leg's notional); erosion, time limit and a better pair are ours.
public sealed record FundingPairExitSettings
{
    public decimal? FlipThresholdPerDay { get; init; } = -0.001m;

    public decimal? ErosionMinRatio { get; init; } = 0.25m;

    public decimal? ProfitTarget { get; init; } = 0.01m;

    public TimeSpan? TimeLimit { get; init; }

    public decimal? BetterOpportunityMargin { get; init; } = 0.001m;

    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(3);

    public static FundingPairExitSettings Default { get; } = new();
}
