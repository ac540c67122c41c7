using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Tests;

// Each rule alone brings its own close type: the world is the two-venue one, and only the rule's trigger differs.
// Erosion: from 1 h beta pays less than alpha, so staying is expected to lose; it closes once the 8 h minimum hold is
// over. Target: 3 h of beta's high rate pays well past the target, then the spread falls below what an entry asks
// (the estimate leaves the settled rates out, so it sees the fall at once) and the profit is taken after the hold.
public sealed class ExitRuleTests
{
    [Theory]
    [InlineData("time-limit", "TimeLimit")]
    [InlineData("profit-erosion", "EarlyStop")]
    [InlineData("profit-target", "TakeProfit")]
    [InlineData("funding-flip", "StopLoss")]
    public void ExitRule_WhenItsConditionHolds_ClosesBothLegsOnceWithItsCloseType(string rule, string closeType)
    {
        var scenario = rule switch
        {
            "time-limit" => TwoVenueScenario.Create(strategy: "cooldown = 1d, exit { time-limit { enabled = on, limit = 2h } }"),
            "profit-erosion" => TwoVenueScenario.Create(strategy: "cooldown = 1d", betaFunding: ", { at = 1h, rate = 0.000005 }"),
            "profit-target" => TwoVenueScenario.Create(
                strategy: "cooldown = 1d, entry.estimate.settled-weight = 0, exit { profit-target { enabled = on, target = 0.0005 } }",
                betaRate: 0.002m, betaFunding: ", { at = 3h, rate = 0.00002 }"),
            _ => TwoVenueScenario.Create(strategy: "cooldown = 1d", betaFunding: ", { at = 3h, rate = -0.0002 }"),
        };

        var result = ScenarioSimulation.Run(scenario);

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Closed, Enum.Parse<CloseType>(closeType)), (pair.Phase, pair.CloseType));
        Assert.Contains(rule.Replace('-', ' '), pair.CloseReason, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.Venues.SelectMany(v => v.Positions), p => Assert.Equal(0m, p.NetQuantity));
        var closes = result.Venues.SelectMany(v => v.Orders).Count(o => o.Order.Request.ReduceOnly);
        Assert.Equal(2, closes);
    }
}
