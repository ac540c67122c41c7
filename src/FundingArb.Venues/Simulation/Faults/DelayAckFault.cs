namespace FundingArb.Venues.Simulation.Faults;

/// The next Count orders execute at once, but their answer comes Delay later (`delay-ack`). Beyond the request
/// timeout the client gets VenueTimeoutException for an order that exists: the case that makes a retry dangerous.
public sealed record DelayAckFault : VenueFault
{
    public DelayAckFault(DateTimeOffset at, TimeSpan delay, int count = 1)
        : base(at)
    {
        RequireDuration(delay, nameof(delay));
        RequireCount(count);
        Delay = delay;
        Count = count;
    }

    public TimeSpan Delay { get; }

    public int Count { get; }

    internal override int InitialCount => Count;
}
