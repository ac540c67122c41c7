using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Funding;

/// How the best pair is chosen. MinSpreadPerDay is Hummingbot's min_funding_rate_profitability;
/// the horizon and the net-edge floor are ours, because a spread is worth taking only if it pays the fees back.
public sealed record FundingSelectionSettings
{
    public decimal MinSpreadPerDay { get; init; } = 0.001m;

    /// A pair qualifies only with a net edge strictly above this.
    public decimal MinNetEdge { get; init; }

    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(3);

    /// Taker both ways by default: the fallback path of limit-with-fallback is the cost to plan for.
    public LiquidityRole EntryRole { get; init; } = LiquidityRole.Taker;

    public LiquidityRole ExitRole { get; init; } = LiquidityRole.Taker;

    public FundingLimits Limits { get; init; } = FundingLimits.Default;

    public static FundingSelectionSettings Default { get; } = new();
}
