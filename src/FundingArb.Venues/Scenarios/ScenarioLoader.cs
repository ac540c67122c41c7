using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Scenarios;

/// Reads scenario files (HOCON; JSON is valid HOCON) as docs/scenarios.md describes them, with Akka's HOCON parser.
/// Syntax errors are HoconSyntaxException; anything else wrong is a ScenarioException naming the key and its line.
public static partial class ScenarioLoader
{
    private static readonly string[] s_scenarioKeys = ["name", "seed", "start", "duration", "step", "venues", "markets", "faults", "strategy", "risk", "actions"];
    private static readonly string[] s_actionKeys = ["at", "command"];

    public static Scenario LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromDocument(HoconDocument.ParseFile(path));
    }

    public static Scenario Parse(string hocon, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return FromDocument(HoconDocument.Parse(hocon, fileName));
    }

    /// Reads the `scenario` object of an already parsed document.
    public static Scenario FromDocument(HoconDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = new ScenarioSection(new HoconReader(document.Config, ""), document.Positions, ["scenario"]);
        if (!root.Has("scenario"))
        {
            throw new ScenarioException("scenario", new HoconPosition(document.Name, 1, 1), "the document has no 'scenario' object");
        }

        return Read(root.Object("scenario", s_scenarioKeys));
    }

    /// Reads a scenario object kept at a path of a larger document (the node's simulated venues live at
    /// `fundingarb.node.simulation`); errors name the key under that path.
    public static Scenario FromSection(HoconDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(new ScenarioSection(new HoconReader(document.Config.GetConfig(path), path), document.Positions, s_scenarioKeys));
    }

    private static Scenario Read(ScenarioSection scenario)
    {
        var start = scenario.Instant("start", start: null);
        var duration = scenario.PositiveDuration("duration");
        var step = scenario.PositiveDuration("step", TimeSpan.FromSeconds(1));
        var seed = scenario.Long("seed");
        var venues = ReadVenues(scenario, step);
        var markets = ReadMarkets(scenario, start, venues);
        var (faults, crashes) = ReadFaults(scenario, start, venues);
        return new Scenario
        {
            Name = scenario.String("name"),
            Seed = seed,
            Start = start,
            Duration = duration,
            Venues = [.. venues.Select(v => new ScenarioVenue(v.Settings, markets[v.Settings.Id], faults[v.Settings.Id], v.Region))],
            CrashRestarts = crashes,
            Actions = [.. scenario.List("actions", s_actionKeys, required: false)
                .Select(a => new ScenarioAction(a.Instant("at", start), a.String("command")))],
            Strategy = scenario.Raw("strategy"),
            Risk = scenario.Raw("risk"),
            Path = scenario.Path,
            Positions = scenario.Positions,
        };
    }

    /// A venue as read, with its instruments by symbol and where each was declared (for "no market" errors).
    private sealed record VenueDraft(SimulatedVenueSettings Settings, Dictionary<Symbol, (Instrument Instrument, TimeSpan? Interval, ScenarioSection Section)> Instruments,
        string? Region);

    private static ImmutableArray<VenueFault> NoFaults => [];
}
