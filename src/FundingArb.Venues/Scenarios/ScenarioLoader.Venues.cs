using System.Text.RegularExpressions;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Scenarios;

public static partial class ScenarioLoader
{
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex RegionName();

    private static readonly string[] s_venueKeys =
    [
        "name", "funding-interval", "maker-fee", "taker-fee", "latency", "request-timeout", "leverage", "maintenance-margin",
        "post-only", "price-basis", "balances", "instruments", "region",
    ];

    private static readonly string[] s_instrumentKeys =
        [
            "symbol", "base", "quote", "kind", "tradable", "tick-size", "step-size", "min-size", "min-notional", "contract-multiplier", "price-band",
            "funding-interval",
        ];

    private static readonly Dictionary<string, PostOnlyStyle> s_postOnlyStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reject"] = PostOnlyStyle.RejectOnSubmit,
        ["cancel"] = PostOnlyStyle.CancelAfterAccept,
    };

    private static List<VenueDraft> ReadVenues(ScenarioSection scenario, TimeSpan step)
    {
        var drafts = new List<VenueDraft>();
        foreach (var section in scenario.List("venues", s_venueKeys))
        {
            var id = section.Build(() => new VenueId(section.String("name")));
            if (drafts.Any(d => d.Settings.Id == id))
            {
                throw section.Error("name", $"venue '{id}' is declared twice");
            }

            var settings = section.Build(() => new SimulatedVenueSettings(id)
            {
                Fees = section.Build(() => new FeeSchedule(section.Decimal("maker-fee"), section.NonNegative("taker-fee"))),
                Latency = section.Duration("latency", TimeSpan.Zero),
                RequestTimeout = section.PositiveDuration("request-timeout", TimeSpan.FromSeconds(10)),
                Leverage = section.Positive("leverage", 10m),
                MaintenanceMarginRate = section.NonNegative("maintenance-margin", 0.005m),
                PostOnly = section.Enum("post-only", PostOnlyStyle.RejectOnSubmit, s_postOnlyStyles),
                FundingBasis = section.Enum("price-basis", PriceBasis.Mark),
                FundingInterval = Interval(section, "funding-interval") ?? TimeSpan.FromHours(8),
                Step = step,
                Balances = [.. ReadBalances(section)],
            });
            section.Build(() =>
            {
                settings.Validate();
                return settings;
            });
            drafts.Add(new VenueDraft(settings, ReadInstruments(section, id), Region(section)));
        }

        return drafts;
    }

    // A cluster region names an Akka role (region-<name>), so it keeps to the characters a role and a log line read plainly.
    private static string? Region(ScenarioSection venue)
    {
        if (!venue.Has("region"))
        {
            return null;
        }

        var region = venue.String("region");
        return RegionName().IsMatch(region) ? region : throw venue.Error("region", $"'{region}' is not a region name (lowercase letters, digits and dashes)");
    }

    private static IEnumerable<Money> ReadBalances(ScenarioSection venue)
    {
        var balances = venue.Map("balances");
        foreach (var asset in balances.Keys)
        {
            yield return new Money(balances.NonNegative(asset), balances.Build(() => new Asset(asset)));
        }
    }

    private static Dictionary<Symbol, (Instrument, TimeSpan?, ScenarioSection)> ReadInstruments(ScenarioSection venue, VenueId id)
    {
        var instruments = new Dictionary<Symbol, (Instrument, TimeSpan?, ScenarioSection)>();
        foreach (var section in venue.List("instruments", s_instrumentKeys))
        {
            var symbol = section.Build(() => new Symbol(section.String("symbol")));
            var rules = section.Build(() => new TradingRules(section.Positive("tick-size"), section.Positive("step-size"),
                section.NonNegative("min-size", 0m), section.NonNegative("min-notional", 0m), section.Positive("contract-multiplier", 1m),
                section.Positive("price-band", TradingRules.DefaultPriceBand)));
            var instrument = section.Build(() => new Instrument(id, symbol, new Asset(section.String("base")), new Asset(section.String("quote")), rules,
                section.Enum("kind", InstrumentKind.Perpetual), section.Boolean("tradable", true)));
            var interval = Interval(section, "funding-interval");
            if (!instruments.TryAdd(symbol, (instrument, interval, section)))
            {
                throw section.Error("symbol", $"instrument '{symbol}' is declared twice on venue '{id}'");
            }
        }

        return instruments;
    }

    /// A funding interval, which must divide a day so that settlements sit on a grid from 00:00 UTC.
    private static TimeSpan? Interval(ScenarioSection section, string key)
    {
        if (!section.Has(key))
        {
            return null;
        }

        var interval = section.PositiveDuration(key);
        return TimeSpan.TicksPerDay % interval.Ticks == 0
            ? interval
            : throw section.Error(key, $"{interval} does not divide a day; use 1h, 2h, 4h, 8h, ...");
    }
}
