using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Scenarios;

public static partial class ScenarioLoader
{
    private static readonly string[] s_marketKeys =
    [
        "venue", "symbol", "price-points", "price", "spread-bps", "depth", "funding", "funding-process", "interval-changes", "index-basis-bps",
    ];

    private static readonly string[] s_pricePointKeys = ["at", "mid"];
    private static readonly string[] s_walkKeys = ["start", "drift", "volatility", "stream"];
    private static readonly string[] s_depthKeys = ["levels", "quote-per-level", "level-spacing-bps"];
    private static readonly string[] s_fundingPointKeys = ["at", "rate"];
    private static readonly string[] s_fundingProcessKeys = ["start", "mean", "reversion", "volatility", "update", "cap"];
    private static readonly string[] s_intervalChangeKeys = ["at", "interval"];

    private static Dictionary<VenueId, ImmutableArray<MarketSettings>> ReadMarkets(ScenarioSection scenario, DateTimeOffset start, List<VenueDraft> venues)
    {
        var markets = venues.ToDictionary(v => v.Settings.Id, _ => new List<MarketSettings>());
        foreach (var section in scenario.List("markets", s_marketKeys))
        {
            var venueName = section.String("venue");
            var venue = venues.FirstOrDefault(v => v.Settings.Id.Value == venueName)
                ?? throw section.Error("venue", $"no venue '{venueName}' is declared in scenario.venues");
            var symbol = section.Build(() => new Symbol(section.String("symbol")));
            if (!venue.Instruments.TryGetValue(symbol, out var declared))
            {
                throw section.Error("symbol", $"venue '{venueName}' declares no instrument '{symbol}'");
            }

            var list = markets[venue.Settings.Id];
            if (list.Any(m => m.Instrument.Symbol == symbol))
            {
                throw section.Error("symbol", $"market {venueName}/{symbol} is declared twice");
            }

            list.Add(ReadMarket(section, start, declared.Instrument, declared.Interval));
        }

        foreach (var venue in venues)
        {
            foreach (var (symbol, declared) in venue.Instruments)
            {
                if (!markets[venue.Settings.Id].Any(m => m.Instrument.Symbol == symbol))
                {
                    throw declared.Section.Error("symbol", $"instrument '{symbol}' of venue '{venue.Settings.Id}' has no entry in scenario.markets");
                }
            }
        }

        return markets.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }

    private static MarketSettings ReadMarket(ScenarioSection section, DateTimeOffset start, Instrument instrument, TimeSpan? interval)
    {
        var market = section.Build(() => new MarketSettings(instrument, ReadPrice(section, start))
        {
            SpreadBps = section.NonNegative("spread-bps", 1m),
            Depth = ReadDepth(section),
            Funding = ReadFunding(section, start),
            FundingInterval = interval,
            IntervalChanges = [.. section.List("interval-changes", s_intervalChangeKeys, required: false)
                .Select(c => new IntervalChange(c.Instant("at", start), Interval(c, "interval") ?? throw c.Error("interval", "is required")))],
            IndexBasisBps = section.Decimal("index-basis-bps", 0m),
        });
        return section.Build(() =>
        {
            market.Validate(TimeSpan.FromHours(8));
            return market;
        });
    }

    private static PriceModel ReadPrice(ScenarioSection market, DateTimeOffset start)
    {
        if (market.Has("price-points") == market.Has("price"))
        {
            throw market.Error("give exactly one of 'price-points' (a path) or 'price' (a random walk)");
        }

        if (market.Has("price"))
        {
            var walk = market.Object("price", s_walkKeys);
            return walk.Build(() => new RandomWalkModel(walk.Positive("start"), walk.Decimal("drift", 0m), walk.NonNegative("volatility"))
            {
                Stream = walk.Has("stream") ? walk.String("stream") : null,
            });
        }

        var points = market.List("price-points", s_pricePointKeys);
        if (points.Count == 0)
        {
            throw market.Error("price-points", "needs at least one point");
        }

        return market.Build(() => new PricePathModel([.. points.Select(p => new PricePoint(p.Instant("at", start), p.Positive("mid")))]));
    }

    private static BookDepth ReadDepth(ScenarioSection market)
    {
        if (!market.Has("depth"))
        {
            return new BookDepth(20, 50_000m);
        }

        var depth = market.Object("depth", s_depthKeys);
        decimal? spacing = depth.Has("level-spacing-bps") ? depth.NonNegative("level-spacing-bps") : null;
        return depth.Build(() => new BookDepth(depth.Int("levels", 20, minimum: 1), depth.Positive("quote-per-level"), spacing));
    }

    private static FundingModel ReadFunding(ScenarioSection market, DateTimeOffset start)
    {
        if (market.Has("funding") && market.Has("funding-process"))
        {
            throw market.Error("give at most one of 'funding' (points) or 'funding-process'");
        }

        if (market.Has("funding-process"))
        {
            var process = market.Object("funding-process", s_fundingProcessKeys);
            var mean = process.Decimal("mean");
            return process.Build(() => new MeanRevertingFundingModel(process.Decimal("start", mean), mean, process.NonNegative("reversion"),
                process.NonNegative("volatility"), process.PositiveDuration("update", TimeSpan.FromMinutes(1)), process.Positive("cap", 0.03m)));
        }

        var points = market.List("funding", s_fundingPointKeys, required: false);
        return market.Build(() => new FundingPathModel([.. points.Select(p => new FundingPoint(p.Instant("at", start), p.Decimal("rate")))]));
    }
}
