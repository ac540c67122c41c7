namespace FundingArb.Trading.Funding;

/// What counts as a believable funding quote. The default cap is Hyperliquid's 4 % per hour, the loosest
/// published cap; Hummingbot once showed a rate of 1.79e+11 % and traded on it.
public sealed record FundingLimits
{
    public decimal MaxAbsRatePerHour { get; init; } = 0.04m;

    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromDays(1);

    /// A quote observed longer ago than this is stale.
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(15);

    public static FundingLimits Default { get; } = new();
}
