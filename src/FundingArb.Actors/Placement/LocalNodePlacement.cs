using Akka.Actor;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Placement;

/// Every actor on this node, pair hosts as the orchestrator's children: the scenario runner, benchmarks and actor tests.
public sealed class LocalNodePlacement : INodePlacement
{
    public static LocalNodePlacement Instance { get; } = new();

    public IActorRef Singleton(ActorSystem system, Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.ActorOf(props, name);
    }

    public IActorRef Gateway(ActorSystem system, Props props, string name, VenueId venue)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.ActorOf(props, name);
    }

    public IActorRef Orchestrator(ActorSystem system, Func<IPairPlacement?, Props> orchestratorProps, Func<PairSpec, Props> executorProps,
        OrchestratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(orchestratorProps);
        return system.ActorOf(orchestratorProps(null), "orchestrator");
    }
}
