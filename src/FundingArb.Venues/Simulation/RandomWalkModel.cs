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

    /// Markets whose walks name the same stream draw the same shocks, so one asset moves together on every venue
    /// (their starts may differ by a basis). Null: the market's own stream.
    public string? Stream { get; init; }

    internal override decimal StartMid => Start;
}
