using System.Collections;
using System.Collections.Immutable;
using FundingArb.Actors.Control;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Risk;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;
using Serilog.Events;

namespace FundingArb.Node.Configuration;

/// Binds `fundingarb.node`, `fundingarb.cluster`, `fundingarb.venues`, `fundingarb.risk` and `strategy.funding-arb` of a resolved configuration; a bad value
/// throws ConfigKeyException naming the key (NodeConfigLoader adds where it was written) or ScenarioException.
public static class NodeSettingsReader
{
    public const string NodePath = "fundingarb.node";
    public const string SimulationPath = NodePath + ".simulation";

    /// environment holds the variables `fundingarb.venues` names for keys; baseDirectory is what relative paths are under.
    public static NodeSettings Read(HoconDocument document, string baseDirectory, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        var config = document.Config;
        var node = new HoconReader(config.GetConfig(NodePath), NodePath);
        // A node whose venues are all connectors may leave the simulation empty.
        var simulation = config.GetConfig(SimulationPath) is { IsEmpty: false }
            ? ScenarioLoader.FromSection(document, SimulationPath)
            : EmptySimulation;
        var cluster = ClusterSettingsReader.Read(new HoconReader(config.GetConfig(ClusterSettingsReader.Path), ClusterSettingsReader.Path));
        var venues = VenueSettingsReader.Read(new HoconReader(config.GetConfig(VenueSettingsReader.Path), VenueSettingsReader.Path),
            [.. simulation.Venues.Select(v => (v.Settings.Id.Value, v.Region ?? cluster.Region))], cluster.Region, environment, baseDirectory);
        if (venues.IsEmpty)
        {
            throw new ConfigKeyException(SimulationPath + ".venues", "the node needs at least one venue (here or in fundingarb.venues)");
        }

        var simulated = venues.Where(v => v.Kind is NodeVenueKind.Simulated).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        simulation = simulation with { Venues = [.. simulation.Venues.Where(v => simulated.Contains(v.Settings.Id.Value))] };
        // A connector venue's fees are the strategy's default fees: the simulation's fee settings are not the real venue's.
        var strategy = FundingArbSettingsReader.Read(config.GetConfig(FundingArbSettingsReader.DefaultPath)) with
        {
            Fees = simulation.Venues.ToImmutableDictionary(v => v.Settings.Id.Value, v => v.Settings.Fees),
        };
        // The orchestrator's timers run on the market clock, which runs Speed times faster: scaled back, a backoff here
        // is wall-clock time, so a node at 60x does not replay an unreadable journal sixty times as often.
        var speed = node.GetDouble("speed");
        speed = speed > 0 && double.IsFinite(speed) ? speed : throw node.Error("speed", $"{speed} must be a number above zero");
        if (speed != 1.0 && venues.FirstOrDefault(v => v.Kind is not NodeVenueKind.Simulated) is { } connector)
        {
            throw node.Error("speed", $"{speed} must be 1: venue {connector.Name} is a real connector, whose markets run in real time");
        }

        var recovery = node.GetObject("executor-recovery");
        var orchestrator = OrchestratorSettings.Default with
        {
            Strategy = strategy,
            RecoveryAttempts = Range(recovery, "attempts", 1, 1000),
            RecoveryBackoff = PositiveDuration(recovery, "min-backoff") * speed,
            RecoveryMaxBackoff = PositiveDuration(recovery, "max-backoff") * speed,
        };
        var http = node.GetObject("http");
        var dashboard = node.GetObject("dashboard");
        return new NodeSettings
        {
            Name = node.GetString("name"),
            DataDirectory = Path.GetFullPath(node.GetString("data-dir"), baseDirectory),
            Speed = speed,
            AllowStrandedPairs = node.GetBoolean("allow-stranded-pairs"),
            HttpHost = http.GetString("host"),
            HttpPort = Range(http, "port", 0, 65535),
            ApiToken = http.GetString("api-token"),
            OpenReads = OneOf(http, "reads", "loopback", "any") == "any",
            ShutdownDeadline = node.GetTimeSpan("shutdown-deadline"),
            VenueSaveInterval = node.GetTimeSpan("venue-save-interval"),
            DashboardInterval = dashboard.GetTimeSpan("interval"),
            EquityPoints = Range(dashboard, "equity-points", 2, 100_000),
            RecentEvents = Range(dashboard, "events", 1, 10_000),
            Logging = ReadLogging(node.GetObject("logging")),
            Simulation = simulation,
            Venues = venues,
            Cluster = cluster,
            Actors = NodeActorSettings.Default with
            {
                Orchestrator = orchestrator,
                Risk = RiskGateSettings.Read(config.GetConfig(RiskGateSettings.DefaultPath)),
            },
            Config = config,
        };
    }

    private static Scenario EmptySimulation { get; } = new()
    {
        Name = "none",
        Seed = 0,
        Start = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.Zero,
        Venues = [],
        Path = SimulationPath,
    };

    private static NodeLogSettings ReadLogging(HoconReader logging)
    {
        var overrides = logging.GetObject("overrides");
        return new NodeLogSettings(
            Level(logging, "console-level"),
            Level(logging, "file-level"),
            Range(logging, "retained-files", 1, 1000),
            overrides.Keys.ToImmutableSortedDictionary(key => key, key => Level(overrides, key), StringComparer.Ordinal));
    }

    private static LogEventLevel Level(HoconReader section, string key)
    {
        var text = section.GetString(key);
        return Enum.TryParse<LogEventLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw section.Error(key, $"'{text}' is not a log level; expected one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}");
    }

    private static TimeSpan PositiveDuration(HoconReader section, string key)
    {
        var value = section.GetTimeSpan(key);
        return value > TimeSpan.Zero ? value : throw section.Error(key, $"{value} must be a duration above zero");
    }

    private static int Range(HoconReader section, string key, int minimum, int maximum)
    {
        var value = section.GetInt(key);
        return value >= minimum && value <= maximum ? value : throw section.Error(key, $"{value} must be between {minimum} and {maximum}");
    }

    private static string OneOf(HoconReader section, string key, params string[] allowed)
    {
        var value = section.GetString(key);
        return allowed.Contains(value, StringComparer.Ordinal) ? value : throw section.Error(key, $"'{value}' must be one of {string.Join(", ", allowed)}");
    }
}
