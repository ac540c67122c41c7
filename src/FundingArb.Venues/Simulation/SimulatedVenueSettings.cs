using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Simulation;

/// How one simulated venue behaves; the markets it lists come separately (MarketSettings).
public sealed record SimulatedVenueSettings
{
    public SimulatedVenueSettings(VenueId id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        Id = id;
    }

    public VenueId Id { get; }

    public FeeSchedule Fees { get; init; } = new(0.0002m, 0.0005m);

    /// One-way network delay: a request reaches the matching engine after it, and the answer and stream events
    /// reach the client after it again.
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// The client gives up on an answer after this long and gets VenueTimeoutException; the venue still acts on the request.
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// Initial margin is notional / Leverage, for positions and for open orders that would add to them.
    public decimal Leverage { get; init; } = 10m;

    /// Maintenance margin as a fraction of notional at mark; below it the venue liquidates.
    public decimal MaintenanceMarginRate { get; init; } = 0.005m;

    public PostOnlyStyle PostOnly { get; init; } = PostOnlyStyle.RejectOnSubmit;

    public PriceBasis FundingBasis { get; init; } = PriceBasis.Mark;

    /// The funding interval of markets that do not set their own. Must divide a day: settlements sit on a grid from 00:00 UTC.
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(8);

    /// How often prices, books and funding processes move. Backtests of months may take a coarser step.
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    /// Starting wallet balances, one per collateral asset.
    public ImmutableArray<Money> Balances { get; init; } = [];

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, Latency + Latency, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(Leverage, 1m);
        ArgumentOutOfRangeException.ThrowIfNegative(MaintenanceMarginRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MaintenanceMarginRate, 1m / Leverage, nameof(MaintenanceMarginRate));
        FundingGrid.Validate(FundingInterval, nameof(FundingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Step, TimeSpan.Zero);
        foreach (var balance in Balances)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(balance.Amount, nameof(Balances));
        }
    }
}
