using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Barriers;

public sealed class FundingExitRulesTests
{
    internal static FundingPairSnapshot Snapshot(
        decimal currentSpread = 0.002m,
        decimal legsNetPnl = 0m,
        decimal funding = 0m,
        decimal exitFees = 0.5m,
        TimeSpan? open = null,
        decimal? alternative = null) =>
        new(entrySpreadPerDay: 0.002m, currentSpread, legsNetPnl, funding, exitFees, positionSizeQuote: 100m, T0,
            T0 + (open ?? TimeSpan.FromHours(1)), alternative);

    [Fact]
    public void FundingFlip_SpreadBelowThreshold_Fires()
    {
        var decision = new FundingFlipRule(-0.001m).Evaluate(Snapshot(currentSpread: -0.0011m));

        Assert.Equal(new FundingExitDecision(FundingExitRule.FundingFlip, -0.0011m, -0.001m), decision);
    }

    [Fact]
    public void FundingFlip_SpreadAtThreshold_Holds()
    {
        var decision = new FundingFlipRule(-0.001m).Evaluate(Snapshot(currentSpread: -0.001m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void ProfitErosion_RatioBelowMinimum_Fires()
    {
        var decision = new ProfitErosionRule(0.25m).Evaluate(Snapshot(currentSpread: 0.0004m));

        Assert.Equal((FundingExitRule.ProfitErosion, 0.2m), (decision.Rule, decision.Measured));
    }

    [Fact]
    public void ProfitErosion_RatioAtMinimum_Holds()
    {
        var decision = new ProfitErosionRule(0.25m).Evaluate(Snapshot(currentSpread: 0.0005m));

        Assert.False(decision.ShouldExit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ProfitErosion_RatioOutsideZeroToOne_Throws(int ratio)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitErosionRule(ratio));
    }

    [Fact]
    public void ProfitErosion_DefaultSnapshot_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ProfitErosionRule(0.25m).Evaluate(default));
    }

    [Fact]
    public void ProfitTarget_NetAfterExitFeesReachesTarget_Fires()
    {
        var decision = new ProfitTargetRule(0.01m).Evaluate(Snapshot(legsNetPnl: 0.7m, funding: 0.8m, exitFees: 0.5m));

        Assert.Equal(new FundingExitDecision(FundingExitRule.ProfitTarget, 1.0m, 1.00m), decision);
    }

    [Fact]
    public void ProfitTarget_MetOnlyBeforeExitFees_Holds()
    {
        var decision = new ProfitTargetRule(0.01m).Evaluate(Snapshot(legsNetPnl: 0.7m, funding: 0.8m, exitFees: 0.51m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void ProfitTarget_NonPositiveTarget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitTargetRule(0m));
    }

    [Fact]
    public void TimeLimit_OpenForLimit_Fires()
    {
        var decision = new PairTimeLimitRule(TimeSpan.FromHours(8)).Evaluate(Snapshot(open: TimeSpan.FromHours(8)));

        Assert.Equal(new FundingExitDecision(FundingExitRule.TimeLimit, 28_800m, 28_800m), decision);
    }

    [Fact]
    public void TimeLimit_BeforeLimit_Holds()
    {
        var decision = new PairTimeLimitRule(TimeSpan.FromHours(8)).Evaluate(Snapshot(open: TimeSpan.FromHours(7.9)));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void TimeLimit_NonPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairTimeLimitRule(TimeSpan.Zero));
    }

    [Fact]
    public void BetterOpportunity_AdvantageAboveMargin_Fires()
    {
        var decision = new BetterOpportunityRule(0.001m, TimeSpan.FromDays(3)).Evaluate(Snapshot(currentSpread: 0.001m, alternative: 0.0041m));

        Assert.Equal((FundingExitRule.BetterOpportunity, 0.0011m), (decision.Rule, decision.Measured));
    }

    [Fact]
    public void BetterOpportunity_AdvantageWithinMargin_Holds()
    {
        var decision = new BetterOpportunityRule(0.001m, TimeSpan.FromDays(3)).Evaluate(Snapshot(currentSpread: 0.001m, alternative: 0.004m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void BetterOpportunity_NoAlternative_Holds()
    {
        var decision = new BetterOpportunityRule(0m, TimeSpan.FromDays(3)).Evaluate(Snapshot());

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void BetterOpportunity_BadSettings_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetterOpportunityRule(-0.001m, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Snapshot_NonPositiveEntrySpread_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0m, 0m, 0m, 0m, 0m, 100m, T0, T0));
    }

    [Fact]
    public void Snapshot_NowBeforeOpen_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0m, 0m, 0m, 0m, 100m, T0, T0.AddSeconds(-1)));
    }

    [Fact]
    public void Snapshot_NegativeExitFees_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0m, 0m, 0m, -1m, 100m, T0, T0));
    }

    [Fact]
    public void Snapshot_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0m, 0m, 0m, 0m, 0m, T0, T0));
    }

    [Theory]
    [InlineData(FundingExitRule.None, null)]
    [InlineData(FundingExitRule.FundingFlip, CloseType.StopLoss)]
    [InlineData(FundingExitRule.ProfitErosion, CloseType.EarlyStop)]
    [InlineData(FundingExitRule.ProfitTarget, CloseType.TakeProfit)]
    [InlineData(FundingExitRule.TimeLimit, CloseType.TimeLimit)]
    [InlineData(FundingExitRule.BetterOpportunity, CloseType.EarlyStop)]
    public void Decision_Rule_MapsToCloseType(FundingExitRule rule, CloseType? expected)
    {
        var decision = new FundingExitDecision(rule, 0m, 0m);

        Assert.Equal(expected, decision.CloseType);
    }

    [Fact]
    public void Decision_Describe_SaysWhyWithNumbers()
    {
        var decision = new FundingExitDecision(FundingExitRule.FundingFlip, -0.0011m, -0.001m);

        Assert.Equal("funding flip: spread -0.0011 per day is below -0.001", decision.Describe());
    }

    [Fact]
    public void Decision_Describe_RoundsALongRatioToEightDecimals()
    {
        var decision = new FundingExitDecision(FundingExitRule.ProfitErosion, 0.2165746718417819040003120673m, 0.25m);

        Assert.Equal("profit erosion: spread is 0.21657467 of its entry value, below 0.25", decision.Describe());
    }

    [Fact]
    public void Decision_Hold_DescribesHold()
    {
        Assert.Equal("hold", FundingExitDecision.Hold.Describe());
    }

    [Theory]
    [InlineData(FundingExitRule.ProfitErosion, "profit erosion")]
    [InlineData(FundingExitRule.ProfitTarget, "profit target")]
    [InlineData(FundingExitRule.TimeLimit, "time limit")]
    [InlineData(FundingExitRule.BetterOpportunity, "better opportunity")]
    public void Decision_Describe_NamesTheRule(FundingExitRule rule, string prefix)
    {
        var text = new FundingExitDecision(rule, 1m, 2m).Describe();

        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Manager_Default_ChecksFlipBeforeTarget()
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);

        var decision = manager.Evaluate(Snapshot(currentSpread: -0.002m, legsNetPnl: 5m));

        Assert.Equal(FundingExitRule.FundingFlip, decision.Rule);
    }

    [Fact]
    public void Manager_ExplicitOrder_FirstFiringRuleWins()
    {
        var manager = new CombinedExitManager([new ProfitTargetRule(0.01m), new FundingFlipRule(-0.001m)]);

        var decision = manager.Evaluate(Snapshot(currentSpread: -0.002m, legsNetPnl: 5m));

        Assert.Equal(FundingExitRule.ProfitTarget, decision.Rule);
    }

    [Fact]
    public void Manager_NothingFires_Holds()
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);

        var decision = manager.Evaluate(Snapshot());

        Assert.Equal(FundingExitDecision.Hold, decision);
    }

    [Fact]
    public void Manager_Create_SkipsRulesSetToNull()
    {
        var settings = FundingPairExitSettings.Default with { ErosionMinRatio = null, BetterOpportunityMargin = null, TimeLimit = TimeSpan.FromDays(7) };

        var manager = CombinedExitManager.Create(settings);

        Assert.Equal([FundingExitRule.FundingFlip, FundingExitRule.ProfitTarget, FundingExitRule.TimeLimit], manager.Rules.Select(r => r.Rule));
    }

    [Fact]
    public void Manager_DefaultArray_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CombinedExitManager(default));
    }

    [Fact]
    public void Manager_NullRule_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new CombinedExitManager([null!]));
    }

    [Fact]
    public void Manager_NullSettings_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CombinedExitManager.Create(null!));
    }
}
