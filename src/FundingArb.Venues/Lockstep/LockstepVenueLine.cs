using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Lockstep;

/// One venue's HTTP as both ends count it. Settled when every request a connector has out has reached the exchange
/// (ServerActive, WebSocket upgrades apart) and is held by the simulated venue until a later instant (RequestsWaiting).
/// Counts are read and written under the WireLockstep's lock only.
internal sealed class LockstepVenueLine(SimulatedVenue venue)
{
    public SimulatedVenue Venue { get; } = venue;

    public int ClientHttp { get; set; }

    public int ServerActive { get; set; }

    public override string ToString() => $"{Venue.Id}: {ClientHttp} HTTP out, {ServerActive} at the exchange";
}
