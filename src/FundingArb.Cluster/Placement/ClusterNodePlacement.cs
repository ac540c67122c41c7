using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Trading.Instruments;

namespace FundingArb.Cluster.Placement;

// Every node starts the same managers and the same shard region, so the cluster runs one risk gate and one
// orchestrator (on its oldest member, where both singletons meet), one gateway per venue (on the oldest member of the
// venue's region, so its orders leave from there) and spreads the pairs over every member. Each persistent actor here
// stops on HandOff, never PoisonPill, so an event being written when it moves is not lost; a gateway keeps nothing and
// stops on PoisonPill.

/// <summary>
/// The cluster's placement of a node's actors: the risk gate and the orchestrator as cluster singletons, each venue's
/// gateway as a singleton among the nodes of the venue's region (role <c>region-NAME</c>), all reached through proxies;
/// pairs as remembered entities of the shard region <see cref="TypeName"/>.
/// </summary>
public sealed class ClusterNodePlacement(int shards, IReadOnlyDictionary<VenueId, string> venueRoles) : INodePlacement
{
    /// <summary>The shard region's type name: its entities live under /system/sharding/pair.</summary>
    public const string TypeName = "pair";

    public PairShardMessageExtractor Extractor { get; } = new(shards);

    public IActorRef Singleton(ActorSystem system, Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        system.ActorOf(ClusterSingletonManager.Props(props, HandOff.Instance, ClusterSingletonManagerSettings.Create(system).WithSingletonName(name)), name);
        return Proxy(system, name, role: null);
    }

    public IActorRef Gateway(ActorSystem system, Props props, string name, VenueId venue)
    {
        ArgumentNullException.ThrowIfNull(system);
        var role = venueRoles.TryGetValue(venue, out var r) ? r : throw new ArgumentException($"No region is known for venue {venue}.", nameof(venue));
        system.ActorOf(ClusterSingletonManager.Props(props, PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system).WithSingletonName(name).WithRole(role)), name);
        return Proxy(system, name, role);
    }

    public IActorRef Orchestrator(ActorSystem system, Func<IPairPlacement?, Props> orchestratorProps, Func<PairSpec, Props> executorProps,
        OrchestratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(orchestratorProps);
        ArgumentNullException.ThrowIfNull(settings);
        const string Name = "orchestrator";
        var proxy = Proxy(system, Name, role: null);
        var sharding = ClusterSharding.Get(system);
        var shardingSettings = ClusterShardingSettings.Create(system).WithRememberEntities(true);
        var region = sharding.Start(TypeName,
            executorId => PairHost.Props(executorId, proxy, executorProps, settings.MaxRestarts, settings.RestartWindow, new Passivate(HandOff.Instance)),
            shardingSettings, Extractor, sharding.DefaultShardAllocationStrategy(shardingSettings), HandOff.Instance);
        system.ActorOf(ClusterSingletonManager.Props(orchestratorProps(new ShardedPairPlacement(region)), HandOff.Instance,
            ClusterSingletonManagerSettings.Create(system).WithSingletonName(Name)), Name);
        return proxy;
    }

    /// <summary>The proxy /user/NAME-proxy to the singleton NAME, whose manager is /user/NAME on the members with role.</summary>
    private static IActorRef Proxy(ActorSystem system, string name, string? role) =>
        system.ActorOf(ClusterSingletonProxy.Props($"/user/{name}", ClusterSingletonProxySettings.Create(system).WithSingletonName(name).WithRole(role)),
            $"{name}-proxy");
}
