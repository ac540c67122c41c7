using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class ScenarioSimulationTests
{
    private static SimulationResult Run(Scenario scenario) =>
        ScenarioSimulation.Run(scenario);

    [Fact]
    public void Controller_SpreadAboveFees_OpensOnePairLongCheapShortDear()
    {
        var result = Run(TwoVenueScenario.Create());

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Open, "alpha", "beta"), (pair.Phase, pair.Spec.LongVenue, pair.Spec.ShortVenue));
        Assert.Equal((0.099m, -0.099m), (pair.LongQuantity, pair.ShortQuantity));
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(result));
    }

    [Fact]
    public void OpenPair_OverTwelveHours_CollectsFundingPerLegAtEachVenuesInterval()
    {
        var result = Run(TwoVenueScenario.Create());

        var pair = Assert.Single(result.Executors);
        var alphaPaid = result.Venues.Single(v => v.Id.Value == "alpha").FundingPayments;
        var betaPaid = result.Venues.Single(v => v.Id.Value == "beta").FundingPayments;
        Assert.Single(alphaPaid);
        Assert.Equal(12, betaPaid.Length);
        Assert.Equal(alphaPaid.Sum(p => p.Amount) + betaPaid.Sum(p => p.Amount), pair.FundingQuote);
    }

    [Fact]
    public void StreamDown_AcrossSettlements_FundingIsFoundInTheVenuesHistoryAfterReconnecting()
    {
        var result = Run(TwoVenueScenario.Create(faults: "{ at = 179m, venue = beta, kind = disconnect, duration = 122m }"));

        var pair = Assert.Single(result.Executors);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var settledWhileDown = result.Venues.Single(v => v.Id.Value == "beta").FundingPayments
            .Count(p => p.At > start.AddMinutes(179) && p.At < start.AddMinutes(301));
        Assert.Equal(3, settledWhileDown);
        var paid = result.Venues.SelectMany(v => v.FundingPayments).Sum(p => p.Amount);
        Assert.Equal(paid, pair.FundingQuote);
    }

    [Fact]
    public void NodeDown_AcrossSettlements_RecoversTheFundingItMissedFromTheVenues()
    {
        var result = Run(TwoVenueScenario.Create(faults: "{ at = 150m, kind = crash-and-restart, down = 200m }"));

        var pair = Assert.Single(result.Executors);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var settledWhileDown = result.Venues.SelectMany(v => v.FundingPayments).Count(p => p.At > start.AddMinutes(150) && p.At < start.AddMinutes(350));
        Assert.Equal(3, settledWhileDown);
        Assert.Equal((1, PairPhase.Open), (result.Recoveries, pair.Phase));
        Assert.Equal(result.Venues.SelectMany(v => v.FundingPayments).Sum(p => p.Amount), pair.FundingQuote);
    }

    [Fact]
    public void PairAboveTheOrderValueLimit_FailsItsPreFlight_BeforeAnyOrder()
    {
        var result = Run(TwoVenueScenario.Create(risk: "max-order-value = 3000", strategy: "cooldown = 1d"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.Failed), (pair.Phase, pair.CloseType));
        Assert.StartsWith("pre-flight: pre-trade risk MaxOrderValue: notional ", pair.CloseReason, StringComparison.Ordinal);
        Assert.All(result.Venues, v => Assert.Empty(v.Orders));
    }

    [Fact]
    public void SpreadAppearingOnAMarketNobodyHolds_IsSeenAtTheNextScan_EvenWhenScansComeFasterThanTheIdleRefresh()
    {
        var result = Run(TwoVenueScenario.Create(betaRate: 0.00001m, betaFunding: ", { at = 20s, rate = 0.00005 }", strategy: "scan-interval = 10s",
            duration: "2m"));

        var pair = Assert.Single(result.Executors);
        Assert.InRange(pair.OpenedAt!.Value, new DateTimeOffset(2026, 3, 2, 0, 0, 20, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 0, 0, 45, TimeSpan.Zero));
    }

    [Fact]
    public void SameScenarioAndSeed_TwoRuns_GiveByteIdenticalReports()
    {
        var first = ScenarioReport.ToJson(Run(TwoVenueScenario.Create(faults: "{ at = 3h, venue = beta, kind = disconnect, duration = 2m }")));
        var second = ScenarioReport.ToJson(Run(TwoVenueScenario.Create(faults: "{ at = 3h, venue = beta, kind = disconnect, duration = 2m }")));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ShortLegRejected_AtEntry_RollsBackToFlatWithItsCost()
    {
        var result = Run(TwoVenueScenario.Create(
            faults: "{ at = 0s, venue = beta, kind = reject-orders, count = 1, error = InsufficientMargin }",
            strategy: "cooldown = 1d"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.RolledBack), (pair.Phase, pair.CloseType));
        Assert.Equal((0m, 0m), (pair.LongQuantity, pair.ShortQuantity));
        Assert.Contains("rolled back", pair.CloseReason, StringComparison.Ordinal);
        Assert.True(pair.NetPnlQuote < 0m, $"a rollback costs fees and spread, net was {pair.NetPnlQuote}");
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
    }

    [Fact]
    public void FundingFlips_WhileOpen_ExitsWithStopLossAndEndsFlat()
    {
        var result = Run(TwoVenueScenario.Create(betaFunding: ", { at = 4h, rate = -0.0002 }", strategy: "cooldown = 1d"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.StopLoss), (pair.Phase, pair.CloseType));
        Assert.StartsWith("funding flip", pair.CloseReason, StringComparison.Ordinal);
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
    }

    [Fact]
    public void CrashAndRestart_WhileOpen_RecoversWithoutResendingAndKeepsTheSameOutcome()
    {
        var calm = Run(TwoVenueScenario.Create());
        var crashed = Run(TwoVenueScenario.Create(faults: "{ at = 2h, kind = crash-and-restart }"));

        Assert.Equal(1, crashed.Recoveries);
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(crashed));
        Assert.Equal(calm.Executors.Select(e => (e.Spec.ExecutorId, e.Phase, e.LongQuantity, e.ShortQuantity, e.FundingQuote)),
            crashed.Executors.Select(e => (e.Spec.ExecutorId, e.Phase, e.LongQuantity, e.ShortQuantity, e.FundingQuote)));
        Assert.Equal(calm.Venues.Sum(v => v.Orders.Length), crashed.Venues.Sum(v => v.Orders.Length));
    }
}
