using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class BetterOpportunityTests
{
    // BTC on three venues: beta pays 0.192 %/day against alpha's 0.03 %, so the pair goes long alpha, short beta once
    // the spread has covered its round trip for an hour of scans. At 6 h gamma starts paying 1.2 %/day: long alpha,
    // short gamma earns more over the horizon than staying by far more than both round trips, but the pair is held
    // for its minimum hold of 8 h before it may switch.
    private const string Scenario = """
        scenario {
          name = better-opportunity
          seed = 11
          start = "2026-03-02T00:00:00Z"
          duration = 12h
          step = 1s
          venues = [
            { name = alpha, funding-interval = 8h, maker-fee = 0.0002, taker-fee = 0.0005, latency = 0ms, leverage = 10, balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001, min-notional = 5 }] }
            { name = beta, funding-interval = 1h, maker-fee = 0.0002, taker-fee = 0.0005, latency = 0ms, leverage = 10, balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001, min-notional = 5 }] }
            { name = gamma, funding-interval = 1h, maker-fee = 0.0002, taker-fee = 0.0005, latency = 0ms, leverage = 10, balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001, min-notional = 5 }] }
          ]
          markets = [
            { venue = alpha, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60000 }], spread-bps = 1,
              depth { levels = 10, quote-per-level = 500000 }, funding = [{ at = 0h, rate = 0.0001 }] }
            { venue = beta, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60010 }], spread-bps = 1,
              depth { levels = 10, quote-per-level = 500000 }, funding = [{ at = 0h, rate = 0.00008 }] }
            { venue = gamma, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60005 }], spread-bps = 1,
              depth { levels = 10, quote-per-level = 500000 }, funding = [{ at = 0h, rate = 0.00002 }, { at = 6h, rate = 0.0005 }] }
          ]
          faults = []
          strategy {
            funding-arb {
              assets = [BTC]
              size-quote = 6000
              min-edge-per-day = 0.0005
              max-pairs = 1
              scan-interval = 1m
              cooldown = 30m
              execution { mode = market-only }
            }
          }
        }
        """;

    [Fact]
    public void A_much_better_direction_for_the_asset_closes_the_pair_early_and_the_controller_takes_it_after_the_cooldown()
    {
        var result = ScenarioSimulation.Run(ScenarioLoader.Parse(Scenario));

        var first = result.Executors.Single(e => e.Spec.ExecutorId == "pair-BTC-alpha-beta-1");
        Assert.Equal((PairPhase.Closed, CloseType.EarlyStop), (first.Phase, first.CloseType));
        Assert.StartsWith("better opportunity", first.CloseReason, StringComparison.Ordinal);
        Assert.True(first.ClosedAt >= first.OpenedAt + TimeSpan.FromHours(8));
        var second = result.Executors.Single(e => e.Spec.ExecutorId == "pair-BTC-alpha-gamma-1");
        Assert.Equal(PairPhase.Open, second.Phase);
        Assert.True(second.OpenedAt >= first.ClosedAt + TimeSpan.FromMinutes(30));
    }
}
