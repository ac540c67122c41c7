using System.Collections.Immutable;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Venues;
using Akka.Actor;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;

namespace FundingArb.Actors.Hosting;

/// The actors of one node on a system: a gateway per venue (venue-NAME), market data, the risk gate and the
/// orchestrator with its controller and pairs, placed by an INodePlacement. Live node, scenario runner and tests start
/// the same set.
public sealed class FundingArbNode
{
    private FundingArbNode(ImmutableSortedDictionary<VenueId, IActorRef> gateways, IActorRef marketData, IActorRef riskGate, IActorRef orchestrator)
    {
        Gateways = gateways;
        MarketData = marketData;
        RiskGate = riskGate;
        Orchestrator = orchestrator;
    }

    public ImmutableSortedDictionary<VenueId, IActorRef> Gateways { get; }

    public IActorRef MarketData { get; }

    public IActorRef RiskGate { get; }

    public IActorRef Orchestrator { get; }

    /// placement: where the risk gate, the orchestrator and the pairs run (null: all on this node, LocalNodePlacement).
    /// The references returned are the ones to talk to wherever the actors run.
    public static FundingArbNode Start(ActorSystem system, IEnumerable<IVenue> venues, NodeActorSettings settings, INodePlacement? placement = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(settings);
        placement ??= LocalNodePlacement.Instance;
        var gateways = venues
            .OrderBy(v => v.Id.Value, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                v => v.Id,
                v => placement.Gateway(system, VenueGateway.Props(v, settings.Gateway), $"venue-{v.Id.Value}", v.Id),
                Comparer<VenueId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        // Markets nobody holds are read by the controller once per scan: fetching them more rarely would hide spreads.
        var scan = settings.Orchestrator.Strategy.ScanInterval;
        var marketSettings = settings.MarketData.IdleRefreshInterval > scan ? settings.MarketData with { IdleRefreshInterval = scan } : settings.MarketData;
        var marketData = system.ActorOf(Markets.MarketData.Props(gateways, marketSettings), "market-data");
        var riskGate = placement.Singleton(system, Risk.RiskGate.Props(settings.Risk), "risk-gate");
        var strategy = settings.Orchestrator.Strategy;
        var orderLimits = settings.Risk.OrderLimits;
        var orchestrator = placement.Orchestrator(system,
            pairs => OrchestratorActor.Props(gateways, marketData, riskGate, settings.Orchestrator, orderLimits, pairs),
            spec => FundingArbExecutor.Props(spec, gateways, marketData, strategy, orderLimits), settings.Orchestrator);
        return new FundingArbNode(gateways, marketData, riskGate, orchestrator);
    }
}
