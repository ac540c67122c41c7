using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundingArb.Benchmarks.Quick;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Venues;

/// A simulated day of 3 venues x 20 instruments on virtual time with no strategy attached (median of 3 runs): every
/// market moves and its book moves to the new mid at every 1 s step (levels are materialised when read); then the
/// same day with a reader on every book, so each step also publishes 60 ten-level snapshots. The ratio is the cost
/// of one 1 s step against one step of the same day at 60 s steps (per-step overhead as steps get frequent).
internal sealed class VenuesQuickBenchmark : IQuickBenchmark
{
    private const int Runs = 3;

    public string Area => "venues";

    public IEnumerable<QuickFigure> Run()
    {
        var everySecond = ScenarioLoader.Parse(Day(step: "1s"));
        var everyMinute = ScenarioLoader.Parse(Day(step: "60s"));
        RunDay(everyMinute, readBooks: true);
        var fine = Median(() => RunDay(everySecond, readBooks: false));
        var coarse = Median(() => RunDay(everyMinute, readBooks: false));
        var read = Median(() => RunDay(everySecond, readBooks: true));
        var ratio = (fine.TotalSeconds / 86_400) / (coarse.TotalSeconds / 1_440);
        yield return new QuickFigure("day, 3 venues x 20 instruments, 1 s steps", fine.TotalMilliseconds, "ms", ratio, "< 2000 ms");
        yield return new QuickFigure("same day, 60 s steps (baseline)", coarse.TotalMilliseconds, "ms");
        yield return new QuickFigure("1 s steps, every book read at every step", read.TotalMilliseconds, "ms");
    }

    private static TimeSpan Median(Func<TimeSpan> run)
    {
        var times = Enumerable.Range(0, Runs).Select(_ => run()).Order().ToArray();
        return times[Runs / 2];
    }

    private static TimeSpan RunDay(Scenario scenario, bool readBooks)
    {
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        foreach (var (venue, markets) in venues.Zip(scenario.Venues).Where(_ => readBooks))
        {
            foreach (var market in markets.Markets)
            {
                // A reader on every book makes the venue publish a 10-level snapshot of each at every step.
                _ = venue.StreamOrderBookAsync(market.Instrument.Symbol, 10, CancellationToken.None);
            }
        }

        var started = Stopwatch.GetTimestamp();
        clock.AdvanceTo(scenario.End);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var venue in venues)
        {
            venue.Dispose();
        }

        return elapsed;
    }

    private static string Day(string step)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"scenario {{ name = bench, seed = 1, start = \"2026-03-02T00:00:00Z\", duration = 1d, step = {step}\n venues = [\n");
        foreach (var (venue, interval) in new[] { ("alpha", "8h"), ("beta", "4h"), ("gamma", "1h") })
        {
            text.Append(CultureInfo.InvariantCulture, $"{{ name = {venue}, funding-interval = {interval}, maker-fee = 0.0002, taker-fee = 0.0005, instruments = [\n");
            for (var i = 0; i < 20; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{ symbol = A{i}USDT, base = A{i}, quote = USDT, tick-size = 0.01, step-size = 0.001 }}\n");
            }

            text.Append("] }\n");
        }

        text.Append("]\n markets = [\n");
        foreach (var venue in new[] { "alpha", "beta", "gamma" })
        {
            for (var i = 0; i < 20; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{{ venue = {venue}, symbol = A{i}USDT, price {{ start = {100 + i}, volatility = 0.5, stream = A{i} }}, depth {{ levels = 10, quote-per-level = 10000 }},\n");
                text.Append("  funding-process { start = 0.0001, mean = 0.0001, reversion = 4, volatility = 0.0004, update = 5m } }\n");
            }
        }

        text.Append("] }\n");
        return text.ToString();
    }
}
