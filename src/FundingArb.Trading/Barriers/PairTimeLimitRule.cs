namespace FundingArb.Trading.Barriers;

/// Exits once the pair has been open for Limit.
public sealed class PairTimeLimitRule : IFundingExitRule
{
    public PairTimeLimitRule(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        Limit = limit;
    }

    public TimeSpan Limit { get; }

    public FundingExitRule Rule => FundingExitRule.TimeLimit;

    /// A time limit the user set is a stop of theirs: it holds whatever the minimum hold says.
    public bool BreaksMinimumHold => true;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        var open = snapshot.Now - snapshot.OpenedAt;
        return open >= Limit
            ? new FundingExitDecision(Rule, (decimal)open.Ticks / TimeSpan.TicksPerSecond, (decimal)Limit.Ticks / TimeSpan.TicksPerSecond)
            : FundingExitDecision.Hold;
    }
}
