namespace FundingArb.Venues.Simulation;

/// An Ornstein-Uhlenbeck rate: from Start it reverts to Mean at Reversion per day with Volatility per square root
/// of a day, sampled every Update and clamped to ±Cap. Rates are rounded to 8 decimals, as venues publish them.
public sealed record MeanRevertingFundingModel : FundingModel
{
    public MeanRevertingFundingModel(decimal start, decimal mean, decimal reversion, decimal volatility, TimeSpan update, decimal cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reversion);
        ArgumentOutOfRangeException.ThrowIfNegative(volatility);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(update, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reversion * (decimal)update.TotalDays, 1m, nameof(reversion));
        Start = start;
        Mean = mean;
        Reversion = reversion;
        Volatility = volatility;
        Update = update;
        Cap = cap;
    }

    public decimal Start { get; }

    public decimal Mean { get; }

    public decimal Reversion { get; }

    public decimal Volatility { get; }

    public TimeSpan Update { get; }

    public decimal Cap { get; }
}
