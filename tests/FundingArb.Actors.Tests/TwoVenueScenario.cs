using System.Globalization;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

/// A small world for the actors: BTC on alpha (8 h funding) and beta (1 h funding), beta paying more, so the
/// controller goes long alpha and short beta. Faults, strategy keys and the duration vary per test. The controller
/// enters at its first scan on any spread that pays its round trip once: these tests are about what the actors do
/// with a pair, and the entry's economics have tests of their own.
internal static class TwoVenueScenario
{
    public static Scenario Create(string faults = "", string strategy = "", string duration = "12h", decimal betaRate = 0.00005m,
        string betaFunding = "", string latency = "0ms", string risk = "") => ScenarioLoader.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
        scenario {
          name = two-venues
          seed = 7
          start = "2026-03-02T00:00:00Z"
          duration = {{duration}}
          step = 1s
          venues = [
            { name = alpha, funding-interval = 8h, maker-fee = 0.0002, taker-fee = 0.0005, latency = {{latency}}, leverage = 10, request-timeout = 5s
              balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001, min-notional = 5 }] }
            { name = beta, funding-interval = 1h, maker-fee = 0.0002, taker-fee = 0.0005, latency = {{latency}}, leverage = 10, request-timeout = 5s
              balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001, min-notional = 5 }] }
          ]
          markets = [
            { venue = alpha, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60000 }], spread-bps = 1,
              depth { levels = 10, quote-per-level = 500000 }, funding = [{ at = 0h, rate = 0.0001 }] }
            { venue = beta, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60010 }], spread-bps = 1,
              depth { levels = 10, quote-per-level = 500000 }, funding = [{ at = 0h, rate = {{betaRate}} }{{betaFunding}}] }
          ]
          faults = [{{faults}}]
          strategy {
            funding-arb {
              assets = [BTC]
              size-quote = 6000
              min-edge-per-day = 0.0005
              max-pairs = 1
              scan-interval = 1m
              entry-timeout = 30s
              execution { mode = market-only }
              entry { cost-cover = 1, persistence-samples = 1 }
              {{strategy}}
            }
          }
          risk { {{risk}} }
        }
        """));
}
