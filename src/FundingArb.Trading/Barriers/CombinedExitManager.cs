using System.Collections.Immutable;

namespace FundingArb.Trading.Barriers;

// Hot path: evaluated on every pair step. The rules are classes built once; evaluating them allocates nothing.

/// Runs the exit rules in an explicit priority and reports the first that fires. The default order puts the
/// protective rules first, as the triple barrier does (stop loss before take profit); Hummingbot's script
/// tests its take profit before its funding stop. Both close the pair; only the label differs.
public sealed class CombinedExitManager
{
    public CombinedExitManager(ImmutableArray<IFundingExitRule> rulesInPriority, TimeSpan minHold = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minHold, TimeSpan.Zero);
        if (rulesInPriority.IsDefault)
        {
            throw new ArgumentException("The rule list is uninitialised.", nameof(rulesInPriority));
        }

        foreach (var rule in rulesInPriority)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rulesInPriority));
        }

        Rules = rulesInPriority;
        MinHold = minHold;
    }

    public ImmutableArray<IFundingExitRule> Rules { get; }

    /// Within it only the rules that break a minimum hold are asked.
    public TimeSpan MinHold { get; }

    /// Flip, erosion, profit target, time limit, better opportunity: each present only when its setting is.
    public static CombinedExitManager Create(FundingPairExitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = ImmutableArray.CreateBuilder<IFundingExitRule>();
        if (settings.FlipThresholdPerDay is { } flip)
        {
            rules.Add(new FundingFlipRule(flip));
        }

        if (settings.ErosionMinCover is { } erosion)
        {
            rules.Add(new ProfitErosionRule(erosion, settings.Horizon));
        }

        if (settings.ProfitTarget is { } target)
        {
            rules.Add(new ProfitTargetRule(target, settings.ReentryCover, settings.Horizon));
        }

        if (settings.TimeLimit is { } limit)
        {
            rules.Add(new PairTimeLimitRule(limit));
        }

        if (settings.BetterOpportunityMargin is { } margin)
        {
            rules.Add(new BetterOpportunityRule(margin, settings.Horizon));
        }

        return new CombinedExitManager(rules.ToImmutable(), settings.MinHold);
    }

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        var held = snapshot.Now - snapshot.OpenedAt >= MinHold;
        foreach (var rule in Rules)
        {
            if (!held && !rule.BreaksMinimumHold)
            {
                continue;
            }

            var decision = rule.Evaluate(snapshot);
            if (decision.ShouldExit)
            {
                return decision;
            }
        }

        return FundingExitDecision.Hold;
    }
}
