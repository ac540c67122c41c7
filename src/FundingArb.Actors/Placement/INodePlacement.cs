using Akka.Actor;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Placement;

/// Where a node's cluster-wide actors run: on this node alone (LocalNodePlacement), or once in the cluster with pairs
/// sharded over its members. Each method returns the reference the node's other actors and its API talk to.
public interface INodePlacement
{
    /// An actor of which the cluster runs one (the risk gate), started under name.
    IActorRef Singleton(ActorSystem system, Props props, string name);

    /// The gateway of a venue, started under name: one in the cluster, on a node of the venue's region.
    IActorRef Gateway(ActorSystem system, Props props, string name, VenueId venue);

    /// The orchestrator, whose Props take the placement of its pair hosts (null: its children), and the hosts, which run
    /// executors with executorProps.
    IActorRef Orchestrator(ActorSystem system, Func<IPairPlacement?, Props> orchestratorProps, Func<PairSpec, Props> executorProps,
        OrchestratorSettings settings);
}
