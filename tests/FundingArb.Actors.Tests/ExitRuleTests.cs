using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Tests;

// Each rule alone brings its own close type: the world is the two-venue one, and only the rule's trigger differs.
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
            "profit-erosion" => TwoVenueScenario.Create(strategy: "cooldown = 1d", betaFunding: ", { at = 3h, rate = 0.000015 }"),
            "profit-target" => TwoVenueScenario.Create(strategy: "cooldown = 1d, exit { profit-target { enabled = on, target = 0.0005 } }", betaRate: 0.0005m),
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
