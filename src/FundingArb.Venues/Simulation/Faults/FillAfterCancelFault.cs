namespace FundingArb.Venues.Simulation.Faults;

/// The next Count cancels of a working limit order race a fill (`fill-after-cancel`): Ratio of the unfilled
/// quantity is matched at the order's price just before the cancel, but its report reaches the stream Delay after
/// the cancel was acknowledged.
public sealed record FillAfterCancelFault : VenueFault
{
    public FillAfterCancelFault(DateTimeOffset at, int count = 1, decimal ratio = 1m, TimeSpan? delay = null)
        : base(at)
    {
        RequireCount(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1m);
        Delay = delay ?? TimeSpan.FromSeconds(1);
        RequireDuration(Delay, nameof(delay));
        Count = count;
        Ratio = ratio;
    }

    public int Count { get; }

    public decimal Ratio { get; }

    public TimeSpan Delay { get; }

    internal override int InitialCount => Count;
}
