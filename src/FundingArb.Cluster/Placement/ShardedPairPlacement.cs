using Akka.Actor;
using Akka.Cluster.Sharding;
using FundingArb.Actors.Placement;

namespace FundingArb.Cluster.Placement;

/// <summary>Pair hosts as sharded entities: every message goes through the shard region in a ShardingEnvelope.</summary>
public sealed class ShardedPairPlacement(IActorRef region) : IPairPlacement
{
    public void Deliver(string executorId, object message, IActorRef sender) => region.Tell(new ShardingEnvelope(executorId, message), sender);
}
