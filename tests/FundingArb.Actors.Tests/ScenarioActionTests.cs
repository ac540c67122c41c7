using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class ScenarioActionTests
{
    private static SimulationResult Run(Scenario scenario) => ScenarioSimulation.Run(scenario);

    private static Scenario WithActions(Scenario scenario, params (TimeSpan At, string Command)[] actions) =>
        scenario with { Actions = [.. actions.Select(a => new ScenarioAction(scenario.Start + a.At, a.Command))] };

    [Fact]
    public void StopWithKeepPosition_HoldsBothLegsAndClosesAsPositionHold()
    {
        var result = Run(WithActions(TwoVenueScenario.Create(strategy: "cooldown = 1d"), (TimeSpan.FromHours(2), "executors stop pair-BTC-alpha-beta-1 --keep-position")));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.PositionHold), (pair.Phase, pair.CloseType));
        Assert.Equal((0.099m, -0.099m), (pair.LongQuantity, pair.ShortQuantity));
        Assert.Equal(0.099m, result.Venues.Single(v => v.Id.Value == "alpha").Positions.Single().NetQuantity);
    }

    [Fact]
    public void Stop_ClosesBothLegsAsEarlyStop()
    {
        var result = Run(WithActions(TwoVenueScenario.Create(strategy: "cooldown = 1d"), (TimeSpan.FromHours(2), "executors stop pair-BTC-alpha-beta-1")));

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, CloseType.EarlyStop), (pair.Phase, pair.CloseType));
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
    }

    [Fact]
    public void Store_ForgetsAClosedExecutor_AndIsRefusedForARunningOne()
    {
        var result = Run(WithActions(TwoVenueScenario.Create(strategy: "cooldown = 1d"),
            (TimeSpan.FromHours(1), "executors store pair-BTC-alpha-beta-1"),
            (TimeSpan.FromHours(2), "executors stop pair-BTC-alpha-beta-1"),
            (TimeSpan.FromHours(3), "executors store pair-BTC-alpha-beta-1")));

        Assert.Empty(result.Executors);
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
    }

    [Fact]
    public void Controller_AfterAnExit_WaitsOutTheCooldownThenEntersAgain()
    {
        // Beta's rate flips at 3h (funding-flip exit) and recovers at 4h; the cooldown is 2h. The settled hour of
        // the flip weighs on beta's estimate until enough good settlements follow it, well after the cooldown.
        var result = Run(TwoVenueScenario.Create(betaFunding: ", { at = 3h, rate = -0.0002 }, { at = 4h, rate = 0.00005 }",
            strategy: "cooldown = 2h", duration: "1d"));

        Assert.Equal(2, result.Executors.Length);
        var (first, second) = (result.Executors[0], result.Executors[1]);
        Assert.Equal(("pair-BTC-alpha-beta-1", CloseType.StopLoss), (first.Spec.ExecutorId, first.CloseType));
        Assert.Equal(("pair-BTC-alpha-beta-2", PairPhase.Open), (second.Spec.ExecutorId, second.Phase));
        Assert.True(second.OpenedAt >= first.ClosedAt + TimeSpan.FromHours(2), $"re-entered at {second.OpenedAt}, closed at {first.ClosedAt}");
    }

    [Fact]
    public void UnknownCommand_IsRejectedBeforeTheRunNamingIt()
    {
        var scenario = WithActions(TwoVenueScenario.Create(), (TimeSpan.FromHours(1), "pairs close BTC"));

        var error = Assert.Throws<FormatException>(() => Run(scenario));

        Assert.Contains("unknown command 'pairs close BTC'", error.Message, StringComparison.Ordinal);
    }
}
