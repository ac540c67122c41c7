using Akka.Configuration;
using FundingArb.Actors.Orders;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Hocon;

namespace FundingArb.Actors.Control;

/// Binds `strategy.funding-arb` (hocon/reference.conf documents every key). A missing key takes its default; an
/// unknown key or a bad value throws ConfigKeyException naming the key's full path (the caller, which parsed the
/// document, adds where it was written).
public static class FundingArbSettingsReader
{
    public const string DefaultPath = "strategy.funding-arb";

    private static readonly string[] s_keys =
    [
        "assets", "venues", "size-quote", "min-edge-per-day", "max-pairs", "max-new-pairs-per-cycle", "scan-interval", "entry-timeout",
        "rollback-threshold", "cooldown", "horizon", "quotes-at-par", "entry", "exit", "execution",
    ];

    private static readonly string[] s_entryKeys = ["cost-cover", "persistence-samples", "estimate"];
    private static readonly string[] s_estimateKeys = ["predicted-weight", "settled-weight", "sample-weight", "settled-window"];
    private static readonly string[] s_exitKeys = ["min-hold", "funding-flip", "profit-erosion", "profit-target", "time-limit", "better-opportunity"];
    private static readonly string[] s_executionKeys = ["mode", "limit-timeout", "max-attempts", "retry-backoff", "request-timeout", "chase-interval", "chase-threshold-bps"];

    /// Reads section, which sits at path in its document (a scenario's is scenario.strategy.funding-arb).
    public static FundingArbSettings Read(Config? section, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reader = new HoconReader(section, path);
        reader.RejectUnknown(s_keys);
        var defaults = FundingArbSettings.Default;
        var horizon = reader.GetTimeSpan("horizon", defaults.Horizon);
        var entry = ReadEntry(reader.GetObject("entry"));
        var settings = new FundingArbSettings
        {
            Assets = [.. reader.GetStringList("assets")],
            Venues = [.. reader.GetStringList("venues")],
            SizeQuote = Positive(reader, "size-quote", defaults.SizeQuote),
            MinEdgePerDay = reader.GetDecimal("min-edge-per-day", defaults.MinEdgePerDay),
            MaxPairs = reader.GetInt("max-pairs", defaults.MaxPairs),
            MaxNewPairsPerCycle = reader.GetInt("max-new-pairs-per-cycle", defaults.MaxNewPairsPerCycle),
            ScanInterval = reader.GetTimeSpan("scan-interval", defaults.ScanInterval),
            EntryTimeout = reader.GetTimeSpan("entry-timeout", defaults.EntryTimeout),
            RollbackThreshold = Fraction(reader, "rollback-threshold", defaults.RollbackThreshold),
            Cooldown = reader.GetTimeSpan("cooldown", defaults.Cooldown),
            Horizon = horizon,
            Entry = entry,
            QuotesAtPar = reader.Has("quotes-at-par") ? new QuoteParity(reader.GetStringList("quotes-at-par").Select(code => ReadAsset(reader, code))) : defaults.QuotesAtPar,
            Exit = ReadExit(reader.GetObject("exit")) with { Horizon = horizon, ReentryCover = entry.CostCover },
            Orders = ReadExecution(reader.GetObject("execution")),
        };
        if (settings.MaxPairs < 0 || settings.MaxNewPairsPerCycle < 0)
        {
            throw reader.Error("max-pairs", $"max-pairs and max-new-pairs-per-cycle cannot be negative ({settings.MaxPairs}, {settings.MaxNewPairsPerCycle})");
        }

        return settings;
    }

    private static FundingEntrySettings ReadEntry(HoconReader entry)
    {
        entry.RejectUnknown(s_entryKeys);
        var defaults = FundingEntrySettings.Default;
        var cover = entry.GetDecimal("cost-cover", defaults.CostCover);
        var samples = entry.GetInt("persistence-samples", defaults.PersistenceSamples);
        return new FundingEntrySettings
        {
            CostCover = cover >= 1m ? cover : throw entry.Error("cost-cover", $"must be at least 1 (below it an entry is expected to lose), was {cover}"),
            PersistenceSamples = samples >= 1 ? samples : throw entry.Error("persistence-samples", $"must be at least 1, was {samples}"),
            Estimate = ReadEstimate(entry.GetObject("estimate")),
        };
    }

    private static FundingEstimateWeights ReadEstimate(HoconReader estimate)
    {
        estimate.RejectUnknown(s_estimateKeys);
        var defaults = FundingEstimateWeights.Default;
        var predicted = NonNegative(estimate, "predicted-weight", defaults.Predicted);
        var settled = NonNegative(estimate, "settled-weight", defaults.Settled);
        var sample = NonNegative(estimate, "sample-weight", defaults.Sample);
        var window = estimate.GetTimeSpan("settled-window", defaults.SettledWindow);
        if (window <= TimeSpan.Zero)
        {
            throw estimate.Error("settled-window", $"must be positive, was {window}");
        }

        return predicted + sample > 0m
            ? new FundingEstimateWeights(predicted, settled, sample, window)
            : throw estimate.Error("predicted-weight", "predicted-weight and sample-weight cannot both be 0: before the first settlement nothing would be left");
    }

    private static FundingPairExitSettings ReadExit(HoconReader exit)
    {
        exit.RejectUnknown(s_exitKeys);
        var defaults = FundingPairExitSettings.Default;
        var minHold = exit.GetTimeSpan("min-hold", defaults.MinHold);
        return defaults with
        {
            MinHold = minHold >= TimeSpan.Zero ? minHold : throw exit.Error("min-hold", $"cannot be negative, was {minHold}"),
            FlipThresholdPerDay = Rule(exit, "funding-flip", "threshold-per-day", defaults.FlipThresholdPerDay, (r, k, d) => r.GetDecimal(k, d)),
            ErosionMinCover = Rule(exit, "profit-erosion", "min-cover", defaults.ErosionMinCover, (r, k, d) => r.GetDecimal(k, d)),
            ProfitTarget = Rule(exit, "profit-target", "target", defaults.ProfitTarget, (r, k, d) => r.GetDecimal(k, d)),
            TimeLimit = Rule<TimeSpan>(exit, "time-limit", "limit", defaults.TimeLimit ?? TimeSpan.FromDays(7), (r, k, d) => r.GetTimeSpan(k, d),
                enabledByDefault: defaults.TimeLimit is not null),
            BetterOpportunityMargin = Rule(exit, "better-opportunity", "margin", defaults.BetterOpportunityMargin, (r, k, d) => r.GetDecimal(k, d)),
        };
    }

    /// A rule block `{ enabled = on, KEY = value }`: null when disabled.
    private static T? Rule<T>(HoconReader exit, string rule, string key, T? @default, Func<HoconReader, string, T, T> read, bool enabledByDefault = true)
        where T : struct
    {
        if (!exit.Has(rule))
        {
            return enabledByDefault ? @default : null;
        }

        var block = exit.GetObject(rule);
        block.RejectUnknown(["enabled", key]);
        return block.GetBoolean("enabled", true) && @default is { } value ? read(block, key, value) : null;
    }

    private static OrderSettings ReadExecution(HoconReader execution)
    {
        execution.RejectUnknown(s_executionKeys);
        var defaults = OrderSettings.Default;
        var modeText = execution.GetString("mode", "limit-with-fallback");
        var mode = modeText switch
        {
            "market-only" => ExecutionMode.MarketOnly,
            "limit-only" => ExecutionMode.LimitOnly,
            "limit-with-fallback" => ExecutionMode.LimitWithFallback,
            "adaptive" => ExecutionMode.Adaptive,
            "limit-chaser" => ExecutionMode.LimitChaser,
            _ => throw execution.Error("mode", $"'{modeText}' is not one of market-only, limit-only, limit-with-fallback, adaptive, limit-chaser"),
        };
        return new OrderSettings
        {
            Mode = mode,
            LimitTimeout = execution.GetTimeSpan("limit-timeout", defaults.LimitTimeout),
            MaxAttempts = execution.GetInt("max-attempts", defaults.MaxAttempts),
            RetryBackoff = execution.GetTimeSpan("retry-backoff", defaults.RetryBackoff),
            RequestTimeout = execution.GetTimeSpan("request-timeout", defaults.RequestTimeout),
            ChaseInterval = execution.GetTimeSpan("chase-interval", defaults.ChaseInterval),
            ChaseThresholdBps = execution.GetDecimal("chase-threshold-bps", defaults.ChaseThresholdBps),
        };
    }

    private static Asset ReadAsset(HoconReader reader, string code) =>
        string.IsNullOrWhiteSpace(code) ? throw reader.Error("quotes-at-par", "an asset code cannot be empty") : new Asset(code);

    private static decimal Positive(HoconReader reader, string key, decimal @default)
    {
        var value = reader.GetDecimal(key, @default);
        return value > 0m ? value : throw reader.Error(key, $"must be positive, was {value}");
    }

    private static decimal NonNegative(HoconReader reader, string key, decimal @default)
    {
        var value = reader.GetDecimal(key, @default);
        return value >= 0m ? value : throw reader.Error(key, $"cannot be negative, was {value}");
    }

    private static decimal Fraction(HoconReader reader, string key, decimal @default)
    {
        var value = reader.GetDecimal(key, @default);
        return value is >= 0m and <= 1m ? value : throw reader.Error(key, $"must be between 0 and 1, was {value}");
    }
}
