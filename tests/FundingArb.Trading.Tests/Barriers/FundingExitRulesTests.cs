using FsCheck.Fluent;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Barriers;

// The worked numbers: one leg of 10,000 quote, a 3-day horizon and a round trip of 20 (four taker fills at 0.05 %).
// A spread of 0.001 per day then pays 10,000 × 0.001 × 3 = 30 over the horizon.
public sealed class FundingExitRulesTests
{
    private static readonly TimeSpan s_horizon = TimeSpan.FromDays(3);

    internal static FundingPairSnapshot Snapshot(
        decimal spread = 0.001m,
        decimal legsNetPnl = 0m,
        decimal funding = 0m,
        decimal exitFees = 10m,
        decimal roundTrip = 20m,
        TimeSpan? open = null,
        SwitchCandidate? alternative = null,
        decimal? next = null) =>
        new(spread, next ?? spread, legsNetPnl, funding, exitFees, roundTrip, positionSizeQuote: 10_000m, T0, T0 + (open ?? TimeSpan.FromDays(1)), alternative);

    [Fact]
    public void Snapshot_ExpectedFunding_IsTheSpreadOnTheNotionalOverTheHorizon()
    {
        var snapshot = Snapshot(spread: 0.001m);

        Assert.Equal((30m, 7.5m), (snapshot.ExpectedFundingOver(s_horizon), snapshot.FundingOver(0.0003m, TimeSpan.FromHours(60))));
    }

    [Fact]
    public void FundingFlip_NextSettlementsSpreadBelowThreshold_Fires()
    {
        var decision = new FundingFlipRule(-0.001m).Evaluate(Snapshot(spread: -0.0011m));

        Assert.Equal(new FundingExitDecision(FundingExitRule.FundingFlip, -0.0011m, -0.001m), decision);
    }

    [Fact]
    public void FundingFlip_SpreadAtThreshold_Holds()
    {
        var decision = new FundingFlipRule(-0.001m).Evaluate(Snapshot(spread: -0.001m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void FundingFlip_ActsOnTheNextSettlements_NotOnTheExpectedMeanTheSettledPastHoldsUp()
    {
        var flipped = new FundingFlipRule(-0.001m).Evaluate(Snapshot(spread: 0.0005m, next: -0.003m));
        var recovering = new FundingFlipRule(-0.001m).Evaluate(Snapshot(spread: -0.002m, next: 0.001m));

        Assert.Equal((FundingExitRule.FundingFlip, -0.003m), (flipped.Rule, flipped.Measured));
        Assert.False(recovering.ShouldExit);
    }

    [Fact]
    public void ProfitErosion_StayingExpectedToLose_Fires()
    {
        // -0.0001 per day on 10,000 over 3 days: staying is expected to pay 3.
        var decision = new ProfitErosionRule(0m, s_horizon).Evaluate(Snapshot(spread: -0.0001m));

        Assert.Equal(new FundingExitDecision(FundingExitRule.ProfitErosion, -3m, 0m), decision);
    }

    [Fact]
    public void ProfitErosion_StayingExpectedToBreakEven_Holds()
    {
        var decision = new ProfitErosionRule(0m, s_horizon).Evaluate(Snapshot(spread: 0m));

        Assert.False(decision.ShouldExit);
    }

    [Theory]
    [InlineData(0.0003, true)]
    [InlineData(0.0004, false)]
    public void ProfitErosion_WithACover_ComparesTheFundingOfStayingWithThatManyRoundTrips(decimal spread, bool exits)
    {
        // Half a round trip is 10: 0.0003 pays 9 over the horizon, 0.0004 pays 12.
        var decision = new ProfitErosionRule(0.5m, s_horizon).Evaluate(Snapshot(spread: spread));

        Assert.Equal(exits, decision.ShouldExit);
        Assert.Equal(exits ? 10m : 0m, decision.Threshold);
    }

    [Fact]
    public void ProfitErosion_NonPositiveHorizon_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitErosionRule(0m, TimeSpan.Zero));
    }

    [Fact]
    public void ProfitTarget_ReachedOnAPairNoLongerWorthEntering_Fires()
    {
        // Net 60 + 50 - 10 = 100 = 1 % of 10,000. Staying pays 0.0006 × 30,000 = 18 over the horizon, below the 1.5 × 20
        // an entry asks.
        var decision = new ProfitTargetRule(0.01m, 1.5m, s_horizon).Evaluate(Snapshot(spread: 0.0006m, legsNetPnl: 60m, funding: 50m));

        Assert.Equal(new FundingExitDecision(FundingExitRule.ProfitTarget, 100m, 100m), decision);
    }

    [Fact]
    public void ProfitTarget_ReachedOnAPairStillWorthEntering_Holds()
    {
        // 0.001 pays 30 over the horizon, exactly the 1.5 round trips an entry asks: closing would only reopen it.
        var decision = new ProfitTargetRule(0.01m, 1.5m, s_horizon).Evaluate(Snapshot(spread: 0.001m, legsNetPnl: 60m, funding: 50m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void ProfitTarget_MetOnlyBeforeExitFees_Holds()
    {
        var decision = new ProfitTargetRule(0.01m, 1.5m, s_horizon).Evaluate(Snapshot(spread: 0m, legsNetPnl: 60m, funding: 50m, exitFees: 10.01m));

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void ProfitTarget_BadSettings_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitTargetRule(0m, 1.5m, s_horizon));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitTargetRule(0.01m, -1m, s_horizon));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfitTargetRule(0.01m, 1.5m, TimeSpan.Zero));
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
    public void BetterOpportunity_GainAboveBothRoundTripsAndMargin_Fires()
    {
        // The other direction pays 0.003 × 30,000 = 90 against staying's 30: a gain of 60. The switch costs this pair's
        // round trip (20), the other's (0.002 × 10,000 = 20) and the margin (0.001 × 10,000 = 10): 50.
        var decision = new BetterOpportunityRule(0.001m, s_horizon).Evaluate(Snapshot(alternative: new SwitchCandidate(0.003m, 0.002m)));

        Assert.Equal(new FundingExitDecision(FundingExitRule.BetterOpportunity, 60m, 50m), decision);
    }

    [Theory]
    [InlineData(0.0026, false)]
    [InlineData(0.00261, true)]
    public void BetterOpportunity_GainMustExceedItsCost(decimal alternativeSpread, bool switches)
    {
        // With an 18 round trip the switch costs 18 + 20 + 10 = 48. 0.0026 pays 78 over the horizon, a gain of
        // exactly 48: not enough. 0.00261 pays 78.3, a gain of 48.3.
        var decision = new BetterOpportunityRule(0.001m, s_horizon).Evaluate(Snapshot(roundTrip: 18m, alternative: new SwitchCandidate(alternativeSpread, 0.002m)));

        Assert.Equal(switches ? new FundingExitDecision(FundingExitRule.BetterOpportunity, 48.3m, 48m) : FundingExitDecision.Hold, decision);
    }

    [Fact]
    public void BetterOpportunity_NoAlternative_Holds()
    {
        var decision = new BetterOpportunityRule(0m, s_horizon).Evaluate(Snapshot());

        Assert.False(decision.ShouldExit);
    }

    [Fact]
    public void BetterOpportunity_BadSettings_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetterOpportunityRule(-0.001m, s_horizon));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetterOpportunityRule(0.001m, TimeSpan.Zero));
    }

    [Fact]
    public void BetterOpportunity_AnySnapshot_NeverSwitchesForAGainBelowBothRoundTrips()
    {
        var cases = (from spread in Gen.Choose(-300, 300)
                     from alternative in Gen.Choose(-300, 600)
                     from roundTrip in Gen.Choose(0, 400)
                     from alternativeFeeRate in Gen.Choose(0, 40)
                     from size in Gen.Choose(1, 1_000_000)
                     from margin in Gen.Choose(0, 30)
                     from hours in Gen.Choose(1, 24 * 14)
                     select (Spread: spread / 100_000m, Alternative: alternative / 100_000m, RoundTrip: roundTrip / 10m,
                         FeeRate: alternativeFeeRate / 10_000m, Size: size / 10m, Margin: margin / 10_000m, Horizon: TimeSpan.FromHours(hours))).ToArbitrary();

        var property = Prop.ForAll(cases, c =>
        {
            var snapshot = new FundingPairSnapshot(c.Spread, c.Spread, 0m, 0m, 0m, c.RoundTrip, c.Size, T0, T0.AddDays(1), new SwitchCandidate(c.Alternative, c.FeeRate));
            var gain = snapshot.FundingOver(c.Alternative, c.Horizon) - snapshot.ExpectedFundingOver(c.Horizon);
            var bothRoundTrips = c.RoundTrip + (c.FeeRate * c.Size);

            var decision = new BetterOpportunityRule(c.Margin, c.Horizon).Evaluate(snapshot);

            return !decision.ShouldExit || gain > bothRoundTrips;
        });

        PropertyCheck.Run(property, maxTest: 1_000);
    }

    [Fact]
    public void Snapshot_NowBeforeOpen_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0.001m, 0m, 0m, 0m, 0m, 100m, T0, T0.AddSeconds(-1)));
    }

    [Fact]
    public void Snapshot_NegativeCosts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0.001m, 0m, 0m, -1m, 0m, 100m, T0, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0.001m, 0m, 0m, 0m, -1m, 100m, T0, T0));
    }

    [Fact]
    public void Snapshot_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingPairSnapshot(0.001m, 0.001m, 0m, 0m, 0m, 0m, 0m, T0, T0));
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

    [Theory]
    [InlineData(FundingExitRule.FundingFlip, -0.0011, -0.001, "funding flip: the next settlements' spread -0.0011 per day is below -0.001")]
    [InlineData(FundingExitRule.ProfitErosion, -3.123456789, 0, "profit erosion: expected funding -3.12345679 over the horizon is below 0")]
    [InlineData(FundingExitRule.ProfitTarget, 100, 100, "profit target: net 100 after exit fees reached 100")]
    [InlineData(FundingExitRule.BetterOpportunity, 60, 50,
        "better opportunity: 60 more expected funding than staying, above the switch's cost 50")]
    public void Decision_Describe_SaysWhyWithNumbers(FundingExitRule rule, decimal measured, decimal threshold, string expected)
    {
        Assert.Equal(expected, new FundingExitDecision(rule, measured, threshold).Describe());
    }

    [Fact]
    public void Decision_Hold_DescribesHold()
    {
        Assert.Equal("hold", FundingExitDecision.Hold.Describe());
    }

    [Fact]
    public void Manager_Default_ChecksFlipBeforeTarget()
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);

        var decision = manager.Evaluate(Snapshot(spread: -0.002m, legsNetPnl: 500m));

        Assert.Equal(FundingExitRule.FundingFlip, decision.Rule);
    }

    [Fact]
    public void Manager_ExplicitOrder_FirstFiringRuleWins()
    {
        var manager = new CombinedExitManager([new ProfitTargetRule(0.01m, 1.5m, s_horizon), new FundingFlipRule(-0.001m)]);

        var decision = manager.Evaluate(Snapshot(spread: -0.002m, legsNetPnl: 500m));

        Assert.Equal(FundingExitRule.ProfitTarget, decision.Rule);
    }

    [Fact]
    public void Manager_NothingFires_Holds()
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);

        var decision = manager.Evaluate(Snapshot());

        Assert.Equal(FundingExitDecision.Hold, decision);
    }

    [Theory]
    [InlineData(7.99, FundingExitRule.None)]
    [InlineData(8, FundingExitRule.ProfitErosion)]
    public void Manager_WithinTheMinimumHold_ErosionWaits(double hoursOpen, FundingExitRule expected)
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);

        var decision = manager.Evaluate(Snapshot(spread: -0.0001m, open: TimeSpan.FromHours(hoursOpen)));

        Assert.Equal(expected, decision.Rule);
    }

    [Fact]
    public void Manager_WithinTheMinimumHold_ProfitTargetAndSwitchWait()
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default);
        var young = TimeSpan.FromHours(1);

        var target = manager.Evaluate(Snapshot(spread: 0.0006m, legsNetPnl: 60m, funding: 50m, open: young));
        var better = manager.Evaluate(Snapshot(open: young, alternative: new SwitchCandidate(0.003m, 0.002m)));

        Assert.Equal((FundingExitRule.None, FundingExitRule.None), (target.Rule, better.Rule));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("time-limit")]
    public void Manager_WithinTheMinimumHold_AFlipOrATimeLimitStillCloses(string rule)
    {
        var manager = CombinedExitManager.Create(FundingPairExitSettings.Default with { TimeLimit = TimeSpan.FromHours(1) });
        var snapshot = rule == "flip" ? Snapshot(spread: -0.002m, open: TimeSpan.FromMinutes(5)) : Snapshot(open: TimeSpan.FromHours(1));

        var decision = manager.Evaluate(snapshot);

        Assert.Equal(rule == "flip" ? FundingExitRule.FundingFlip : FundingExitRule.TimeLimit, decision.Rule);
    }

    [Fact]
    public void Manager_Create_SkipsRulesSetToNull()
    {
        var settings = FundingPairExitSettings.Default with { ErosionMinCover = null, BetterOpportunityMargin = null, TimeLimit = TimeSpan.FromDays(7) };

        var manager = CombinedExitManager.Create(settings);

        Assert.Equal([FundingExitRule.FundingFlip, FundingExitRule.ProfitTarget, FundingExitRule.TimeLimit], manager.Rules.Select(r => r.Rule));
    }

    [Fact]
    public void Manager_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new CombinedExitManager(default));
        Assert.Throws<ArgumentNullException>(() => new CombinedExitManager([null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CombinedExitManager([], TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentNullException>(() => CombinedExitManager.Create(null!));
    }
}
