using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Actors.Tracking;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Tests;

// The tracker folds executor events: fill rate over what was intended, slippage against the expected price (the limit,
// or the entry's decided price for an entry leg at market), time from intent to the last fill, grouped by the
// execution mode each leg used.
public sealed class ExecutionTrackerTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 0, 1, 0, TimeSpan.Zero);

    [Fact]
    public void Statistics_OfAnEntryAndAFallback_MeasureFillRateSlippageAndTimeByMode()
    {
        var tracker = new ExecutionTracker();
        tracker.Apply("pair-1", new PairEntryStarted(0.1m, 60_000m, 60_010m, 0.001m, s_at));
        tracker.Apply("pair-1", Intent("entry-long", "a", OrderSide.Buy, OrderType.Market, 0.1m, null, ExecutionMode.MarketOnly));
        tracker.Apply("pair-1", Fill("entry-long", "a", OrderSide.Buy, 60_006m, 0.1m, s_at.AddMilliseconds(300)));
        tracker.Apply("pair-1", Intent("entry-short", "b", OrderSide.Sell, OrderType.LimitMaker, 0.1m, 60_010m, ExecutionMode.LimitWithFallback));
        tracker.Apply("pair-1", Fill("entry-short", "b", OrderSide.Sell, 60_010m, 0.04m, s_at.AddSeconds(5)));
        tracker.Apply("pair-1", Intent("entry-short", "c", OrderSide.Sell, OrderType.Market, 0.06m, null, ExecutionMode.LimitWithFallback, s_at.AddSeconds(20)));
        tracker.Apply("pair-1", Fill("entry-short", "c", OrderSide.Sell, 60_004m, 0.06m, s_at.AddSeconds(20.5)));

        var statistics = tracker.Statistics();

        Assert.Equal((3, 3, 0.769231m), (statistics.Orders, statistics.FilledOrders, statistics.FillRate));
        var market = Assert.Single(statistics.ByMode, m => m.Mode == "market-only");
        Assert.Equal((1, 1m, 1m, 300.0), (market.Orders, market.FillRate, market.AverageSlippageBps, market.MedianTimeToFillMs));
        var fallback = Assert.Single(statistics.ByMode, m => m.Mode == "limit-with-fallback");
        Assert.Equal((2, 0.625m, 0.4999m, 500.0), (fallback.Orders, fallback.FillRate, fallback.AverageSlippageBps, fallback.MedianTimeToFillMs));
    }

    [Fact]
    public void Statistics_OfAnIntentWithoutMode_CountUnderItsOrderType()
    {
        var tracker = new ExecutionTracker();
        tracker.Apply("pair-1", Intent("exit-long", "a", OrderSide.Sell, OrderType.Market, 0.1m, null, mode: null));

        var statistics = tracker.Statistics();

        Assert.Equal("Market", Assert.Single(statistics.ByMode).Mode);
    }

    [Fact]
    public void Statistics_OfARun_ShowTheEntryModeAndTheMarketOnlyExit()
    {
        var journal = new ScenarioJournal();
        var scenario = TwoVenueScenario.Create(strategy: "cooldown = 1d, execution { mode = limit-with-fallback }",
            betaFunding: ", { at = 3h, rate = -0.0002 }", duration: "4h");
        var result = ScenarioSimulation.Run(scenario, journal);
        var tracker = new ExecutionTracker();
        foreach (var id in result.Executors.Select(e => e.Spec.ExecutorId))
        {
            foreach (var persistent in journal.Events(id))
            {
                tracker.Apply(id, persistent.Payload);
            }
        }

        var statistics = tracker.Statistics();

        Assert.Equal(["limit-with-fallback", "market-only"], statistics.ByMode.Select(m => m.Mode));
        var exit = statistics.ByMode.Single(m => m.Mode == "market-only");
        Assert.Equal((2, 1m), (exit.Orders, exit.FillRate));
        Assert.InRange(statistics.ByMode.Single(m => m.Mode == "limit-with-fallback").Orders, 2, 10);
    }

    private static PairOrderIntended Intent(string leg, string id, OrderSide side, OrderType type, decimal quantity, decimal? price, ExecutionMode? mode,
        DateTimeOffset? at = null) =>
        new(leg, id, leg.EndsWith("long", StringComparison.Ordinal) ? "alpha" : "beta", "BTCUSDT", side, type, quantity, price, false, at ?? s_at, mode);

    private static PairLegFilled Fill(string leg, string id, OrderSide side, decimal price, decimal quantity, DateTimeOffset at) =>
        new(leg, leg.EndsWith("long", StringComparison.Ordinal) ? "alpha" : "beta", id, $"{id}-{at.Ticks}", side, price, quantity, 0m, "USDT",
            LiquidityRole.Taker, at);
}
