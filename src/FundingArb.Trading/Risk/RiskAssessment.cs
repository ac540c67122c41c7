using System.Collections.Immutable;

namespace FundingArb.Trading.Risk;

/// Every check's result, so a refusal lists all that failed rather than the first.
public sealed record RiskAssessment(ImmutableArray<RiskCheckResult> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);

    public IEnumerable<RiskCheckResult> Failures => Checks.Where(c => !c.Passed);
}
