using FundingArb.Kernel.Configuration;

namespace FundingArb.Actors.Risk;

/// `fundingarb.risk`: limits on new exposure. A null limit is off.
public sealed record RiskGateSettings
{
    /// Quote lost since the start of the UTC day (realized and unrealized, over every pair) at which new pairs stop.
    public decimal? DailyLossLimit { get; init; } = 500m;

    /// Pairs entering, open or closing at once; beyond it new pairs are refused.
    public int? MaxOpenPairs { get; init; } = 20;

    public static RiskGateSettings Default { get; } = new();

    /// Reads `daily-loss-limit` and `max-open-pairs` (`off` turns a limit off).
    public static RiskGateSettings Read(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new RiskGateSettings
        {
            DailyLossLimit = IsOff(section, "daily-loss-limit") ? null : Positive(section, "daily-loss-limit", Default.DailyLossLimit!.Value),
            MaxOpenPairs = IsOff(section, "max-open-pairs") ? null : (int)Positive(section, "max-open-pairs", Default.MaxOpenPairs!.Value),
        };
    }

    private static bool IsOff(Config section, string key) =>
        section.HasPath(key) && string.Equals(section.GetString(key), "off", StringComparison.OrdinalIgnoreCase);

    private static decimal Positive(Config section, string key, decimal fallback)
    {
        var value = section.GetDecimal(key, fallback);
        return value > 0m ? value : throw new ConfigurationException($"fundingarb.risk.{key}",
            $"fundingarb.risk.{key}: {value} must be above zero, or off (defined at {section.GetOrigin(key)}).");
    }
}
