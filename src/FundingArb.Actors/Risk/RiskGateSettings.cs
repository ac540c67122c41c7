using FundingArb.Kernel.Configuration;
using FundingArb.Trading.Risk;

namespace FundingArb.Actors.Risk;

/// `fundingarb.risk`: limits on new pairs (the gate) and on each order (the executors). A null limit is off.
public sealed record RiskGateSettings
{
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
    /// (`off` turns a limit off).
    public static RiskGateSettings Read(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.GetKeys().FirstOrDefault(k => !s_keys.Contains(k)) is { } unknown)
        {
            throw new ConfigurationException($"fundingarb.risk.{unknown}",
                $"{section.GetOrigin(unknown)}: fundingarb.risk.{unknown}: unknown key; expected one of {string.Join(", ", s_keys)}.");
        }

        return new RiskGateSettings
        {
            DailyLossLimit = Limit(section, "daily-loss-limit", Default.DailyLossLimit),
            MaxOpenPairs = Limit(section, "max-open-pairs", Default.MaxOpenPairs) is { } pairs ? (int)pairs : null,
            OrderLimits = s_defaultOrderLimits with
            {
                MaxOrderSize = Limit(section, "max-order-size", s_defaultOrderLimits.MaxOrderSize),
                MaxOrderValue = Limit(section, "max-order-value", s_defaultOrderLimits.MaxOrderValue),
                MaxPriceDeviation = Limit(section, "max-price-deviation", s_defaultOrderLimits.MaxPriceDeviation),
            },
        };
    }

    private static decimal? Limit(Config section, string key, decimal? fallback) =>
        !section.HasPath(key) ? fallback
        : IsOff(section, key) ? null
        : Positive(section, key, 0m);

    private static bool IsOff(Config section, string key) =>
        section.HasPath(key) && string.Equals(section.GetString(key), "off", StringComparison.OrdinalIgnoreCase);

    private static decimal Positive(Config section, string key, decimal fallback)
    {
        var value = section.GetDecimal(key, fallback);
        return value > 0m ? value : throw new ConfigurationException($"fundingarb.risk.{key}",
            $"fundingarb.risk.{key}: {value} must be above zero, or off (defined at {section.GetOrigin(key)}).");
    }
}
