using System.Collections.Immutable;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Scenarios;

/// One venue of a scenario: its settings, its markets and the faults scheduled on it.
public sealed record ScenarioVenue(SimulatedVenueSettings Settings, ImmutableArray<MarketSettings> Markets, ImmutableArray<VenueFault> Faults);
