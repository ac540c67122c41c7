namespace FundingArb.Trading.Barriers;

/// Exits when another pair would earn more than this one over the horizon by at least Margin (fractions of
/// notional). The other pair's edge already carries its entry and exit fees, which are the switching cost;
/// this pair's exit fee is owed whether it closes now or later, so it does not count against switching.
public sealed class BetterOpportunityRule : IFundingExitRule
{
    public BetterOpportunityRule(decimal margin, TimeSpan horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        Margin = margin;
        Horizon = horizon;
    }

    public decimal Margin { get; }

    public TimeSpan Horizon { get; }

    public FundingExitRule Rule => FundingExitRule.BetterOpportunity;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        if (snapshot.AlternativeNetEdge is not { } alternative)
        {
            return FundingExitDecision.Hold;
        }

        var remaining = snapshot.CurrentSpreadPerDay * Horizon.Ticks / TimeSpan.TicksPerDay;
        var advantage = alternative - remaining;
        return advantage > Margin ? new FundingExitDecision(Rule, advantage, Margin) : FundingExitDecision.Hold;
    }
}
