using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class EntryFaultTests
{
    // The entry goes out at 1m (the first scan). With 100 ms latency each way the short leg's first order reaches beta
    // at 1m+0.1s and is filled 60 %; its answer is back at 1m+0.2s, and by then beta rate-limits every request for two
    // minutes, past the 30 s entry deadline, so the remainder cannot be placed before the executor decides.
    private const string SixtyPercentThenDown =
        "{ at = 0s, venue = beta, kind = partial-fill, ratio = 0.6 }, { at = 60150ms, venue = beta, kind = rate-limit, duration = 2m }";

    private static SimulationResult Run(Scenario scenario) => ScenarioSimulation.Run(scenario);

    [Fact]
    public void AckDelayedPastTheTimeout_WhileTheVenueFilled_IsReconciledNotResent()
    {
        var result = Run(TwoVenueScenario.Create(faults: "{ at = 0s, venue = beta, kind = delay-ack, delay = 12s, count = 1 }", duration: "1h"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Open, 0.099m, -0.099m), (pair.Phase, pair.LongQuantity, pair.ShortQuantity));
        var betaOrders = result.Venues.Single(v => v.Id.Value == "beta").Orders;
        Assert.Single(betaOrders);
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(result));
    }

    [Fact]
    public void ShortLegAtSixtyPercentAtTheDeadline_ThresholdBelow_CompletesTheShortLeg()
    {
        var result = Run(TwoVenueScenario.Create(faults: SixtyPercentThenDown, strategy: "rollback-threshold = 0.5", duration: "1h", latency: "100ms"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Open, 0.099m, -0.099m), (pair.Phase, pair.LongQuantity, pair.ShortQuantity));
        Assert.Contains(result.Venues.Single(v => v.Id.Value == "beta").Orders, o => o.Order.FilledQuantity == 0.059m);
        Assert.Equal(0m, result.Exposure.AtEndQuote);
    }

    [Fact]
    public void ShortLegAtSixtyPercentAtTheDeadline_ThresholdAbove_RollsBackBothLegs()
    {
        var result = Run(TwoVenueScenario.Create(faults: SixtyPercentThenDown, strategy: "rollback-threshold = 0.7, cooldown = 1d", duration: "1h",
            latency: "100ms"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.RolledBack), (pair.Phase, pair.CloseType));
        Assert.Contains("less-filled leg at 60", pair.CloseReason, StringComparison.Ordinal);
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(result));
    }

    [Fact]
    public void ConnectionDropsDuringTheEntry_FillsTheStreamLost_AreLookedUpAndTheRollbackEndsFlat()
    {
        // The remainder reaches beta just after the connection drops: filled there, its answer and fill event lost. The
        // executor rolls back on what it knows; when beta is back the lost fill and the rollback's own fills (acked
        // before the stream was resubscribed) are found by looking the orders up.
        var result = Run(TwoVenueScenario.Create(
            faults: "{ at = 0s, venue = beta, kind = partial-fill, ratio = 0.6 }, { at = 60250ms, venue = beta, kind = disconnect, duration = 2m }",
            strategy: "rollback-threshold = 0.7, cooldown = 1d", duration: "1h", latency: "100ms"));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.RolledBack), (pair.Phase, pair.CloseType));
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(result));
    }
}
