using Akka.Configuration;
using FundingArb.Trading.Risk;
using FundingArb.Venues.Hocon;

namespace FundingArb.Actors.Risk;

/// `fundingarb.risk`: limits on new pairs (the gate) and on each order (the executors). A null limit is off.
public sealed record RiskGateSettings
{
    public const string DefaultPath = "fundingarb.risk";

    private static readonly string[] s_keys = ["daily-loss-limit", "max-open-pairs", "max-order-size", "max-order-value", "max-price-deviation"];

    private static readonly RiskLimits s_defaultOrderLimits = new()
    {
        MaxOrderSize = null,
        MaxOrderValue = 100_000m,
        MaxPriceDeviation = 0.05m,
        MaxPositionShareOfEquity = null,
        MaxOpenPairs = null,
        DailyLossLimit = null,
    };

    /// Quote lost since the start of the UTC day (realized and unrealized, over every pair) at which new pairs stop.
    public decimal? DailyLossLimit { get; init; } = 500m;

    /// Pairs entering, open or closing at once; beyond it new pairs are refused.
    public int? MaxOpenPairs { get; init; } = 20;

    /// What every order must pass before it is intended (OrderRisk): only its size, value and price deviation are set.
    public RiskLimits OrderLimits { get; init; } = s_defaultOrderLimits;

    public static RiskGateSettings Default { get; } = new();

    /// Reads `daily-loss-limit`, `max-open-pairs`, `max-order-size`, `max-order-value` and `max-price-deviation`
    /// (`off` turns a limit off) of section, which sits at path in its document (a scenario's is scenario.risk). A bad
    /// key or value throws ConfigKeyException naming its full path.
    public static RiskGateSettings Read(Config? section, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reader = new HoconReader(section, path);
        reader.RejectUnknown(s_keys);
        return new RiskGateSettings
        {
            DailyLossLimit = Limit(reader, "daily-loss-limit", Default.DailyLossLimit),
            MaxOpenPairs = Limit(reader, "max-open-pairs", Default.MaxOpenPairs) is { } pairs ? (int)pairs : null,
            OrderLimits = s_defaultOrderLimits with
            {
                MaxOrderSize = Limit(reader, "max-order-size", s_defaultOrderLimits.MaxOrderSize),
                MaxOrderValue = Limit(reader, "max-order-value", s_defaultOrderLimits.MaxOrderValue),
                MaxPriceDeviation = Limit(reader, "max-price-deviation", s_defaultOrderLimits.MaxPriceDeviation),
            },
        };
    }

    private static decimal? Limit(HoconReader reader, string key, decimal? fallback)
    {
        if (!reader.Has(key))
        {
            return fallback;
        }

        if (string.Equals(reader.GetString(key), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = reader.GetDecimal(key);
        return value > 0m ? value : throw reader.Error(key, $"{value} must be above zero, or off");
    }
}
