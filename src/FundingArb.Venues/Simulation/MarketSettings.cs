using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Simulation;

/// One simulated market: its instrument and rules, how its mid and funding rate move, and its book's shape.
public sealed record MarketSettings
{
    public MarketSettings(Instrument instrument, PriceModel price)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(price);
        Instrument = instrument;
        Price = price;
    }

    public Instrument Instrument { get; }

    public PriceModel Price { get; }

    /// Best bid to best ask around the mid, in basis points of the mid (at least one tick).
    public decimal SpreadBps { get; init; } = 1m;

    public BookDepth Depth { get; init; } = new(20, 50_000m);

    public FundingModel Funding { get; init; } = FundingPathModel.Constant(0m);

    /// Overrides the venue's interval for this market (Bybit and OKX set it per symbol).
    public TimeSpan? FundingInterval { get; init; }

    public ImmutableArray<IntervalChange> IntervalChanges { get; init; } = [];

    /// Index (oracle) below the mid by this many basis points; negative puts it above. Mark is the mid.
    public decimal IndexBasisBps { get; init; }

    internal void Validate(TimeSpan venueInterval)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(SpreadBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SpreadBps, 10_000m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(IndexBasisBps), 5_000m, nameof(IndexBasisBps));
        ArgumentNullException.ThrowIfNull(Depth);
        ArgumentNullException.ThrowIfNull(Funding);
        FundingGrid.Validate(FundingInterval ?? venueInterval, nameof(FundingInterval));
        var changes = IntervalChanges.IsDefault ? [] : IntervalChanges;
        for (var i = 0; i < changes.Length; i++)
        {
            FundingGrid.Validate(changes[i].Interval, "intervalChanges");
            if (i > 0 && changes[i].At <= changes[i - 1].At)
            {
                throw new ArgumentException("Interval changes must be in strictly increasing time order.");
            }
        }
    }
}
