namespace FundingArb.Trading.Risk;

/// One pre-trade check: Reason is null when it passed, otherwise a sentence with the numbers.
/// Actual and Limit are the figures compared, in the rule's unit (quote, base, fraction, or a count).
public sealed record RiskCheckResult(RiskRule Rule, decimal Actual, decimal Limit, string? Reason)
{
    public bool Passed => Reason is null;
}
