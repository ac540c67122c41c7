using System.Collections.Immutable;
using FundingArb.Venues;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Simulation;

/// The clock and venues a simulation runs on when its caller makes them (the venues behind the simulated exchange, say):
/// Simulated are the venues themselves, whose state the report reads; Traded what the node trades with, one per
/// simulated venue; Settle is called whenever the node's actors are idle, before the clock moves, and returns true
/// while it had something to do (the actors may then have work again). The caller disposes what it made.
public sealed record SimulationVenues(VirtualClock Clock, ImmutableArray<SimulatedVenue> Simulated, ImmutableArray<IVenue> Traded, Func<bool> Settle);
