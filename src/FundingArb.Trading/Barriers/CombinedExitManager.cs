using System.Collections.Immutable;

namespace FundingArb.Trading.Barriers;

// Hot path: evaluated on every pair step. The rules are classes built once; evaluating them allocates nothing.

/// Runs the exit rules in an explicit priority and reports the first that fires. The default order puts the
/// protective rules first, as the triple barrier does (stop loss before take profit); Hummingbot's script
/// tests its take profit before its funding stop. Both close the pair; only the label differs.
public sealed class CombinedExitManager
{
    public CombinedExitManager(ImmutableArray<IFundingExitRule> rulesInPriority)
    {
        if (rulesInPriority.IsDefault)
        {
            throw new ArgumentException("The rule list is uninitialised.", nameof(rulesInPriority));
        }

        foreach (var rule in rulesInPriority)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rulesInPriority));
        }

        Rules = rulesInPriority;
    }

    public ImmutableArray<IFundingExitRule> Rules { get; }

    /// Flip, erosion, profit target, time limit, better opportunity: each present only when its setting is.
    public static CombinedExitManager Create(FundingPairExitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = ImmutableArray.CreateBuilder<IFundingExitRule>();
        if (settings.FlipThresholdPerDay is { } flip)
        {
            rules.Add(new FundingFlipRule(flip));
        }

        if (settings.ErosionMinRatio is { } erosion)
        {
            rules.Add(new ProfitErosionRule(erosion));
        }

        if (settings.ProfitTarget is { } target)
        {
            rules.Add(new ProfitTargetRule(target));
        }

        if (settings.TimeLimit is { } limit)
        {
            rules.Add(new PairTimeLimitRule(limit));
        }

        if (settings.BetterOpportunityMargin is { } margin)
        {
            rules.Add(new BetterOpportunityRule(margin, settings.Horizon));
        }

        return new CombinedExitManager(rules.ToImmutable());
    }

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        foreach (var rule in Rules)
        {
            var decision = rule.Evaluate(snapshot);
            if (decision.ShouldExit)
            {
                return decision;
            }
        }

        return FundingExitDecision.Hold;
    }
}
