using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation.Faults;

/// The next Count orders are refused with Error, before anything else is checked (`reject-orders`).
public sealed record RejectOrdersFault : VenueFault
{
    public RejectOrdersFault(DateTimeOffset at, int count = 1, VenueError error = VenueError.VenueUnavailable)
        : base(at)
    {
        RequireCount(count);
        Count = count;
        Error = error;
    }

    public int Count { get; }

    public VenueError Error { get; }

    internal override int InitialCount => Count;
}
