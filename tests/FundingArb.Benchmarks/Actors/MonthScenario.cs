using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Benchmarks.Actors;

// Three venues shaped like calm-three-venues.conf (8 h / 4 h / 1 h funding, 40 / 60 / 80 ms latency, post-only
// refused or cancelled, USDT and USDC collateral), ten assets on each, every price a seeded random walk (one stream
// per asset, so venues move together) and every funding rate a seeded mean-reverting process whose mean differs by
// venue and asset, so spreads open and close during the month. The controller runs with the strategy's defaults
// except for the edge threshold and size; 1 s market steps, market data refreshed every 5 s as configured by default.

/// The long scenario: 3 venues x 10 assets with the controller running, for a given number of days.
internal static class MonthScenario
{
    private static readonly (string Asset, decimal Price)[] s_assets =
    [
        ("BTC", 60_000m), ("ETH", 3_000m), ("SOL", 150m), ("XRP", 0.6m), ("DOGE", 0.15m),
        ("ADA", 0.45m), ("AVAX", 35m), ("LINK", 15m), ("DOT", 7m), ("LTC", 80m),
    ];

    /// Runs the scenario and returns the wall time with what it produced.
    public static (TimeSpan Elapsed, SimulationResult Result) Run(int days)
    {
        var scenario = Create(days);
        var start = Stopwatch.GetTimestamp();
        var result = ScenarioSimulation.Run(scenario);
        return (Stopwatch.GetElapsedTime(start), result);
    }

    public static Scenario Create(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"scenario {{ name = month-three-venues, seed = 20260401, start = \"2026-04-01T00:00:00Z\", duration = {days}d, step = 1s\n");
        text.Append("venues = [\n");
        Venue(text, "alpha", "8h", "0.0002", "0.0005", "40ms", "reject", "mark", "USDT", s => s + "USDT");
        Venue(text, "beta", "4h", "0.0002", "0.00055", "60ms", "cancel", "mark", "USDT", s => s + "USDT");
        Venue(text, "gamma", "1h", "0.00015", "0.00045", "80ms", "reject", "oracle", "USDC", s => s);
        text.Append("]\nmarkets = [\n");
        for (var i = 0; i < s_assets.Length; i++)
        {
            var (asset, price) = s_assets[i];

            // Mean funding per day: alpha and gamma 0.03 %, beta 0.03-0.09 % by asset; each rate is per the venue's interval.
            var betaPerDay = 0.0003m + (0.0002m * (i % 4));
            Market(text, "alpha", asset + "USDT", asset, price, 0.5m, perDay: 0.0003m, intervalsPerDay: 3, volatility: 0.0004m);
            Market(text, "beta", asset + "USDT", asset, price * 1.0002m, 0.8m, perDay: betaPerDay, intervalsPerDay: 6, volatility: 0.0003m);
            Market(text, "gamma", asset, asset, price * 1.0001m, 1m, perDay: 0.0003m, intervalsPerDay: 24, volatility: 0.0001m);
        }

        text.Append("]\nstrategy { funding-arb { min-edge-per-day = 0.0005, size-quote = 10000, max-pairs = 5 } }\n}\n");
        return ScenarioLoader.Parse(text.ToString());
    }

    private static void Venue(StringBuilder text, string name, string interval, string maker, string taker, string latency, string postOnly, string basis,
        string quote, Func<string, string> symbol)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"{{ name = {name}, funding-interval = {interval}, maker-fee = {maker}, taker-fee = {taker}, latency = {latency}, leverage = 10, post-only = {postOnly}, price-basis = {basis}\n");
        text.Append(CultureInfo.InvariantCulture, $"  balances {{ {quote} = 1000000 }}, instruments = [\n");
        foreach (var (asset, _) in s_assets)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {{ symbol = {symbol(asset)}, base = {asset}, quote = {quote}, tick-size = 0.0001, step-size = 0.001, min-size = 0.001, min-notional = 5 }}\n");
        }

        text.Append("] }\n");
    }

    private static void Market(StringBuilder text, string venue, string symbol, string asset, decimal price, decimal spreadBps, decimal perDay, int intervalsPerDay,
        decimal volatility)
    {
        var mean = perDay / intervalsPerDay;
        text.Append(CultureInfo.InvariantCulture,
            $"{{ venue = {venue}, symbol = {symbol}, price {{ start = {price}, drift = 0, volatility = 0.5, stream = {asset} }}, spread-bps = {spreadBps}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  depth {{ levels = 20, quote-per-level = 100000 }}, funding-process {{ start = {mean}, mean = {mean}, reversion = 4, volatility = {volatility}, update = 5m, cap = 0.003 }} }}\n");
    }
}
