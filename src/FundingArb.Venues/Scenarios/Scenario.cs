using System.Collections.Immutable;
using Akka.Configuration;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Scenarios;

/// A simulated world to run a strategy against: venues and their markets from Start for Duration, faults,
/// console actions and the strategy's own configuration (docs/scenarios.md). Load one with ScenarioLoader.
public sealed record Scenario
{
    public required string Name { get; init; }

    public required long Seed { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required TimeSpan Duration { get; init; }

    public required ImmutableArray<ScenarioVenue> Venues { get; init; }

    /// When the node dies and for how long, before it restarts from its journal (`crash-and-restart` faults); the
    /// runner acts on them.
    public ImmutableArray<NodeCrash> CrashRestarts { get; init; } = [];

    public ImmutableArray<ScenarioAction> Actions { get; init; } = [];

    /// The raw `strategy` section, bound by the strategy itself (`strategy.funding-arb`).
    public Config Strategy { get; init; } = ConfigurationFactory.Empty;

    /// The raw `risk` section: the node's `fundingarb.risk` keys (limits on new pairs and on each order).
    public Config Risk { get; init; } = ConfigurationFactory.Empty;

    /// Where the scenario object sits in its document (`scenario`, or `fundingarb.node.simulation` in a node's
    /// configuration): Strategy is at Path.strategy and Risk at Path.risk.
    public string Path { get; init; } = "scenario";

    /// Where each key of the document was written, so that whoever binds Strategy or Risk can name a bad value's line.
    public HoconPositions Positions { get; init; } = HoconPositions.None;

    public DateTimeOffset End => Start + Duration;

    /// One simulated venue per scenario venue, all on the given clock (set it to Start first) and the scenario's seed.
    public ImmutableArray<SimulatedVenue> CreateVenues(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return [.. Venues.Select(v => new SimulatedVenue(v.Settings, v.Markets, v.Faults, Seed, timeProvider))];
    }
}
