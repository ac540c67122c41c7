using FundingArb.Actors.Orders;
using FundingArb.Kernel.Configuration;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Control;

/// Binds `strategy.funding-arb` (hocon/reference.conf documents every key). A missing key takes its default; an
/// unknown key or a bad value throws ConfigurationException naming the key and where it was written.
public static class FundingArbSettingsReader
{
    private static readonly string[] s_keys =
    [
        "assets", "venues", "size-quote", "min-edge-per-day", "max-pairs", "max-new-pairs-per-cycle", "scan-interval", "entry-timeout",
        "rollback-threshold", "cooldown", "horizon", "quotes-at-par", "exit", "execution",
    ];

    private static readonly string[] s_exitKeys = ["funding-flip", "profit-erosion", "profit-target", "time-limit", "better-opportunity"];
    private static readonly string[] s_executionKeys = ["mode", "limit-timeout", "max-attempts", "retry-backoff", "request-timeout", "chase-interval", "chase-threshold-bps"];

    public static FundingArbSettings Read(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        RejectUnknown(section, "strategy.funding-arb", s_keys);
        var defaults = FundingArbSettings.Default;
        var settings = new FundingArbSettings
        {
            Assets = [.. section.GetStringList("assets", [])],
            Venues = [.. section.GetStringList("venues", [])],
            SizeQuote = Positive(section, "size-quote", defaults.SizeQuote),
            MinEdgePerDay = section.GetDecimal("min-edge-per-day", defaults.MinEdgePerDay),
            MaxPairs = section.GetInt("max-pairs", defaults.MaxPairs),
            MaxNewPairsPerCycle = section.GetInt("max-new-pairs-per-cycle", defaults.MaxNewPairsPerCycle),
            ScanInterval = section.GetTimeSpan("scan-interval", defaults.ScanInterval, allowInfinite: false),
            EntryTimeout = section.GetTimeSpan("entry-timeout", defaults.EntryTimeout, allowInfinite: false),
            RollbackThreshold = Fraction(section, "rollback-threshold", defaults.RollbackThreshold),
            Cooldown = section.GetTimeSpan("cooldown", defaults.Cooldown, allowInfinite: false),
            Horizon = section.GetTimeSpan("horizon", defaults.Horizon, allowInfinite: false),
            QuotesAtPar = section.HasPath("quotes-at-par") ? new QuoteParity(section.GetStringList("quotes-at-par").Select(ReadAsset)) : defaults.QuotesAtPar,
            Exit = ReadExit(section.HasPath("exit") ? section.GetConfig("exit") : null),
            Orders = ReadExecution(section.HasPath("execution") ? section.GetConfig("execution") : null),
        };
        if (settings.MaxPairs < 0 || settings.MaxNewPairsPerCycle < 0)
        {
            throw new ConfigurationException("strategy.funding-arb.max-pairs", $"strategy.funding-arb: max-pairs and max-new-pairs-per-cycle cannot be negative ({settings.MaxPairs}, {settings.MaxNewPairsPerCycle}).");
        }

        return settings;
    }

    private static FundingPairExitSettings ReadExit(Config? exit)
    {
        var defaults = FundingPairExitSettings.Default;
        if (exit is null)
        {
            return defaults;
        }

        RejectUnknown(exit, "strategy.funding-arb.exit", s_exitKeys);
        return defaults with
        {
            FlipThresholdPerDay = Rule(exit, "funding-flip", "threshold-per-day", defaults.FlipThresholdPerDay, (c, k, d) => c.GetDecimal(k, d)),
            ErosionMinRatio = Rule(exit, "profit-erosion", "min-ratio", defaults.ErosionMinRatio, (c, k, d) => c.GetDecimal(k, d)),
            ProfitTarget = Rule(exit, "profit-target", "target", defaults.ProfitTarget, (c, k, d) => c.GetDecimal(k, d)),
            TimeLimit = Rule<TimeSpan>(exit, "time-limit", "limit", defaults.TimeLimit ?? TimeSpan.FromDays(7), (c, k, d) => c.GetTimeSpan(k, d, allowInfinite: false),
                enabledByDefault: defaults.TimeLimit is not null),
            BetterOpportunityMargin = Rule(exit, "better-opportunity", "margin", defaults.BetterOpportunityMargin, (c, k, d) => c.GetDecimal(k, d)),
        };
    }

    /// A rule block `{ enabled = on, KEY = value }`: null when disabled.
    private static T? Rule<T>(Config exit, string rule, string key, T? @default, Func<Config, string, T, T> read, bool enabledByDefault = true)
        where T : struct
    {
        if (!exit.HasPath(rule))
        {
            return enabledByDefault ? @default : null;
        }

        var block = exit.GetConfig(rule);
        RejectUnknown(block, $"strategy.funding-arb.exit.{rule}", ["enabled", key]);
        return block.GetBoolean("enabled", true) && @default is { } value ? read(block, key, value) : null;
    }

    private static OrderSettings ReadExecution(Config? execution)
    {
        var defaults = OrderSettings.Default;
        if (execution is null)
        {
            return defaults;
        }

        RejectUnknown(execution, "strategy.funding-arb.execution", s_executionKeys);
        var modeText = execution.GetString("mode", "limit-with-fallback");
        var mode = modeText switch
        {
            "market-only" => ExecutionMode.MarketOnly,
            "limit-only" => ExecutionMode.LimitOnly,
            "limit-with-fallback" => ExecutionMode.LimitWithFallback,
            "adaptive" => ExecutionMode.Adaptive,
            "limit-chaser" => ExecutionMode.LimitChaser,
            _ => throw new ConfigurationException(
                "strategy.funding-arb.execution.mode",
                $"{execution.GetOrigin("mode")}: strategy.funding-arb.execution.mode: '{modeText}' is not one of market-only, limit-only, limit-with-fallback, adaptive, limit-chaser."),
        };
        return new OrderSettings
        {
            Mode = mode,
            LimitTimeout = execution.GetTimeSpan("limit-timeout", defaults.LimitTimeout, allowInfinite: false),
            MaxAttempts = execution.GetInt("max-attempts", defaults.MaxAttempts),
            RetryBackoff = execution.GetTimeSpan("retry-backoff", defaults.RetryBackoff, allowInfinite: false),
            RequestTimeout = execution.GetTimeSpan("request-timeout", defaults.RequestTimeout, allowInfinite: false),
            ChaseInterval = execution.GetTimeSpan("chase-interval", defaults.ChaseInterval, allowInfinite: false),
            ChaseThresholdBps = execution.GetDecimal("chase-threshold-bps", defaults.ChaseThresholdBps),
        };
    }

    private static Asset ReadAsset(string code) =>
        string.IsNullOrWhiteSpace(code)
            ? throw new ConfigurationException("strategy.funding-arb.quotes-at-par", "strategy.funding-arb.quotes-at-par: an asset code cannot be empty.")
            : new Asset(code);

    private static decimal Positive(Config section, string key, decimal @default)
    {
        var value = section.GetDecimal(key, @default);
        return value > 0m ? value : throw new ConfigurationException($"strategy.funding-arb.{key}", $"{section.GetOrigin(key)}: strategy.funding-arb.{key}: must be positive, was {value}.");
    }

    private static decimal Fraction(Config section, string key, decimal @default)
    {
        var value = section.GetDecimal(key, @default);
        return value is >= 0m and <= 1m ? value : throw new ConfigurationException($"strategy.funding-arb.{key}", $"{section.GetOrigin(key)}: strategy.funding-arb.{key}: must be between 0 and 1, was {value}.");
    }

    private static void RejectUnknown(Config section, string path, IReadOnlyCollection<string> known)
    {
        foreach (var key in section.GetKeys().Where(k => !known.Contains(k)))
        {
            throw new ConfigurationException($"{path}.{key}", $"{section.GetOrigin(key)}: {path}.{key}: unknown key; expected one of {string.Join(", ", known)}.");
        }
    }
}
