using FundingArb.Venues.Lockstep;
using FundingArb.Venues.Simulation;

namespace FundingArb.Exchange;

/// One simulated venue as a protocol serves it: the venue (matching engine, funding, faults), the account allowed to
/// trade on it, and the clock its timestamps and signature windows are read from. Persist, when set, saves the venue's
/// state; the server calls it before it answers any request that may change that state.
public sealed record ServedVenue(SimulatedVenue Venue, ExchangeAccount Account, TimeProvider Clock)
{
    public string Name => Venue.Id.Value;

    public Action? Persist { get; init; }

    /// Set in a lockstep simulation: the server counts its requests, sockets and stream items (WireLockstep).
    public WireLockstep? Lockstep { get; init; }
}
