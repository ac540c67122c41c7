namespace FundingArb.Trading.Funding;

/// A funding rate as a venue publishes it: a fraction per Interval, positive when longs pay shorts.
/// Rates on different venues compare only after normalising to one period; the conversions multiply
/// before they divide, so an 8-hour rate and the equal 1-hour rate give the same per-day figure.
public readonly record struct FundingRate
{
    public const int DaysPerYear = 365;

    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public FundingRate(decimal rate, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Rate = rate;
        Interval = interval;
    }

    public decimal Rate { get; }

    public TimeSpan Interval { get; }

    public decimal PerSecond => PerPeriod(TimeSpan.FromSeconds(1));

    public decimal PerHour => PerPeriod(TimeSpan.FromHours(1));

    public decimal PerDay => PerPeriod(Day);

    /// Simple, not compounded: funding is paid on the notional, not reinvested. Crypto trades every day of the year.
    public decimal Annualized => PerPeriod(Day) * DaysPerYear;

    public decimal PerPeriod(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("A default FundingRate has no interval to normalise by.");
        }

        return Rate * period.Ticks / Interval.Ticks;
    }
}
