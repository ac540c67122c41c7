namespace FundingArb.Venues.Simulation;

/// A seeded geometric random walk from Start with annualised Drift and Volatility (fractions, 365-day years).
public sealed record RandomWalkModel : PriceModel
{
    public RandomWalkModel(decimal start, decimal drift, decimal volatility)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfNegative(volatility);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volatility, 20m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(drift), 100m, nameof(drift));
        Start = start;
        Drift = drift;
        Volatility = volatility;
    }

    public decimal Start { get; }

    public decimal Drift { get; }

    public decimal Volatility { get; }

    internal override decimal StartMid => Start;
}
