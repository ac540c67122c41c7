using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Analytics;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Simulation;

/// What a scenario run produced: the executors as the actors last reported them, the venues as they ended, the
/// exposure watched at every step, the journal's size and how often the node recovered from it, and where the PnL came
/// from against the hindsight oracle.
public sealed record SimulationResult(
    string Scenario,
    long Seed,
    ImmutableArray<PairReport> Executors,
    ImmutableArray<VenueOutcome> Venues,
    UnhedgedExposure Exposure,
    long JournalEvents,
    int Recoveries,
    PerformanceReport Performance,
    EquityStatistics Equity,
    RunEconomics Economics);
