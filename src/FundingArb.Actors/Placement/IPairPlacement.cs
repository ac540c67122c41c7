using Akka.Actor;

namespace FundingArb.Actors.Placement;

/// Where the orchestrator's pair hosts run and how a message reaches one: as the orchestrator's children
/// (ChildPairPlacement), or as sharded entities anywhere in the cluster. A message may be lost on its way (a shard
/// handing off): the orchestrator repeats what it needs until the pair acknowledges it.
public interface IPairPlacement
{
    /// Sends message to the host of executorId, starting the host where none runs.
    void Deliver(string executorId, object message, IActorRef sender);
}
