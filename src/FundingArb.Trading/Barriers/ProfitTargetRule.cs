namespace FundingArb.Trading.Barriers;

/// Exits when legs' net PnL plus funding, minus the fees of closing, reaches Target × one leg's notional.
/// Hummingbot compares before exit fees and with a strict >; a target met only before
/// the exit fees is not met.
public sealed class ProfitTargetRule : IFundingExitRule
{
    public ProfitTargetRule(decimal target)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        Target = target;
    }

    public decimal Target { get; }

    public FundingExitRule Rule => FundingExitRule.ProfitTarget;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        var net = snapshot.NetProfitIfClosed;
        var required = Target * snapshot.PositionSizeQuote;
        return net >= required ? new FundingExitDecision(Rule, net, required) : FundingExitDecision.Hold;
    }
}
