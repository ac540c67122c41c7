namespace FundingArb.Trading.Barriers;

// Taking a profit on a pair that is still worth entering only pays a round trip to hold the same position again, so
// the target counts only once the pair would no longer be entered: its expected funding over the horizon below
// ReentryCover times the round trip's cost (the entry's own cover).

/// Exits when legs' net PnL plus funding, minus the fees of closing, reaches Target × one leg's notional and the pair
/// is no longer worth entering. Hummingbot compares before exit fees and with a strict >; a target met only before
/// the exit fees is not met.
public sealed class ProfitTargetRule : IFundingExitRule
{
    public ProfitTargetRule(decimal target, decimal reentryCover, TimeSpan horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        ArgumentOutOfRangeException.ThrowIfNegative(reentryCover);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        Target = target;
        ReentryCover = reentryCover;
        Horizon = horizon;
    }

    public decimal Target { get; }

    public decimal ReentryCover { get; }

    public TimeSpan Horizon { get; }

    public FundingExitRule Rule => FundingExitRule.ProfitTarget;

    public bool BreaksMinimumHold => false;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        var net = snapshot.NetProfitIfClosed;
        var required = Target * snapshot.PositionSizeQuote;
        var stillAnEntry = snapshot.ExpectedFundingOver(Horizon) >= ReentryCover * snapshot.RoundTripCost;
        return net >= required && !stillAnEntry ? new FundingExitDecision(Rule, net, required) : FundingExitDecision.Hold;
    }
}
