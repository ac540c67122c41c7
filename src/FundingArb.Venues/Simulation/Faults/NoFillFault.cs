namespace FundingArb.Venues.Simulation.Faults;

/// Resting orders do not fill for Duration even when the price trades through them (`no-fill`). Takers still
/// execute against the book: the fault tests a maker entry that times out, not an empty market.
public sealed record NoFillFault : VenueFault
{
    public NoFillFault(DateTimeOffset at, TimeSpan duration)
        : base(at)
    {
        RequireDuration(duration, nameof(duration));
        Duration = duration;
    }

    public TimeSpan Duration { get; }
}
