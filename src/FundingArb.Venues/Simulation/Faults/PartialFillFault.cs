namespace FundingArb.Venues.Simulation.Faults;

/// The next Count orders never fill more than Ratio of their quantity, rounded down to the step (`partial-fill`).
/// A taker's remainder expires as an IOC's would; a resting remainder stays open, unfilled, until cancelled.
public sealed record PartialFillFault : VenueFault
{
    public PartialFillFault(DateTimeOffset at, decimal ratio, int count = 1)
        : base(at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ratio, 1m);
        RequireCount(count);
        Ratio = ratio;
        Count = count;
    }

    public decimal Ratio { get; }

    public int Count { get; }

    internal override int InitialCount => Count;
}
