using System.Collections.Immutable;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Scenarios;

/// One venue of a scenario: its settings, its markets and the faults scheduled on it. Region is the cluster region a
/// node places the venue's gateway in (null: the node's own); scenarios and the exchange do not use it.
public sealed record ScenarioVenue(SimulatedVenueSettings Settings, ImmutableArray<MarketSettings> Markets, ImmutableArray<VenueFault> Faults,
    string? Region = null);
