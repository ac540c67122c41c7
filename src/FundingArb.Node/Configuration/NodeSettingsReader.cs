using System.Collections.Immutable;
using FundingArb.Actors.Control;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Risk;
using FundingArb.Kernel.Configuration;
using FundingArb.Venues.Scenarios;
using Serilog.Events;

namespace FundingArb.Node.Configuration;

/// Binds `fundingarb.node` and `strategy.funding-arb` of a resolved configuration; a bad value throws
/// ConfigurationException or ScenarioException naming the key and where it was written.
public static class NodeSettingsReader
{
    public const string NodePath = "fundingarb.node";
    public const string SimulationPath = NodePath + ".simulation";

    public static NodeSettings Read(Config config, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var node = config.GetConfig(NodePath);
        var simulation = ScenarioLoader.FromSection(config, SimulationPath);
        if (simulation.Venues.IsEmpty)
        {
            throw new ConfigurationException(SimulationPath + ".venues", $"{Where(config, SimulationPath)}: {SimulationPath}.venues: the node needs at least one venue.");
        }

        var strategy = FundingArbSettingsReader.Read(config.HasPath("strategy.funding-arb") ? config.GetConfig("strategy.funding-arb") : ConfigurationFactory.Empty) with
        {
            Fees = simulation.Venues.ToImmutableDictionary(v => v.Settings.Id.Value, v => v.Settings.Fees),
        };
        // The orchestrator's timers run on the market clock, which runs Speed times faster: scaled back, a backoff here
        // is wall-clock time, so a node at 60x does not replay an unreadable journal sixty times as often.
        var speed = Positive(config, "speed", node.GetDouble("speed"));
        var recovery = node.GetConfig("executor-recovery");
        var orchestrator = OrchestratorSettings.Default with
        {
            Strategy = strategy,
            RecoveryAttempts = Range(config, "executor-recovery.attempts", recovery.GetInt("attempts"), 1, 1000),
            RecoveryBackoff = PositiveDuration(config, "executor-recovery.min-backoff", recovery.GetTimeSpan("min-backoff", TimeSpan.FromSeconds(1), allowInfinite: false)) * speed,
            RecoveryMaxBackoff = PositiveDuration(config, "executor-recovery.max-backoff", recovery.GetTimeSpan("max-backoff", TimeSpan.FromSeconds(30), allowInfinite: false)) * speed,
        };
        return new NodeSettings
        {
            Name = node.GetString("name"),
            DataDirectory = Path.GetFullPath(node.GetString("data-dir"), baseDirectory),
            Speed = speed,
            AllowStrandedPairs = node.GetBoolean("allow-stranded-pairs"),
            HttpHost = node.GetString("http.host"),
            HttpPort = Range(config, "http.port", node.GetInt("http.port"), 0, 65535),
            ApiToken = node.GetString("http.api-token"),
            OpenReads = OneOf(config, "http.reads", node.GetString("http.reads"), "loopback", "any") == "any",
            ShutdownDeadline = node.GetTimeSpan("shutdown-deadline", TimeSpan.FromSeconds(30), allowInfinite: false),
            VenueSaveInterval = node.GetTimeSpan("venue-save-interval", TimeSpan.FromSeconds(2), allowInfinite: false),
            DashboardInterval = node.GetTimeSpan("dashboard.interval", TimeSpan.FromSeconds(1), allowInfinite: false),
            EquityPoints = Range(config, "dashboard.equity-points", node.GetInt("dashboard.equity-points"), 2, 100_000),
            RecentEvents = Range(config, "dashboard.events", node.GetInt("dashboard.events"), 1, 10_000),
            Logging = ReadLogging(config, node.GetConfig("logging")),
            Simulation = simulation,
            Actors = NodeActorSettings.Default with
            {
                Orchestrator = orchestrator,
                Risk = RiskGateSettings.Read(config.GetConfig("fundingarb.risk")),
            },
            Config = config,
        };
    }

    private static NodeLogSettings ReadLogging(Config config, Config logging)
    {
        var overrides = logging.HasPath("overrides") ? logging.GetConfig("overrides") : ConfigurationFactory.Empty;
        return new NodeLogSettings(
            Level(config, "logging.console-level", logging.GetString("console-level")),
            Level(config, "logging.file-level", logging.GetString("file-level")),
            Range(config, "logging.retained-files", logging.GetInt("retained-files"), 1, 1000),
            overrides.GetKeys().ToImmutableSortedDictionary(
                key => key,
                key => Level(config, $"logging.overrides.\"{key}\"", overrides.GetString($"\"{key}\"")),
                StringComparer.Ordinal));
    }

    private static LogEventLevel Level(Config config, string key, string text) =>
        Enum.TryParse<LogEventLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw Bad(config, key, $"'{text}' is not a log level; expected one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}");

    private static double Positive(Config config, string key, double value) =>
        value > 0 && double.IsFinite(value) ? value : throw Bad(config, key, $"{value} must be a number above zero");

    private static TimeSpan PositiveDuration(Config config, string key, TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw Bad(config, key, $"{value} must be a duration above zero");

    private static int Range(Config config, string key, int value, int minimum, int maximum) =>
        value >= minimum && value <= maximum ? value : throw Bad(config, key, $"{value} must be between {minimum} and {maximum}");

    private static string OneOf(Config config, string key, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw Bad(config, key, $"'{value}' must be one of {string.Join(", ", allowed)}");

    private static ConfigurationException Bad(Config config, string key, string problem)
    {
        var path = $"{NodePath}.{key}";
        return new ConfigurationException(path, $"{Where(config, path)}: {path}: {problem}.");
    }

    private static string Where(Config config, string path) => config.GetOrigin(path)?.ToString() ?? "<defaults>";
}
