using Akka.Actor;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Cluster;

/// Joins the node to its cluster and waits until it is Up, saying every few seconds (wall clock) while no seed has let it in.
internal static class ClusterJoin
{
    private static readonly TimeSpan s_reportInterval = TimeSpan.FromSeconds(5);

    /// With no seed nodes the node joins itself: a one-member cluster, formed at once. Throws when the actor system
    /// stops first (Ctrl+C while joining).
    public static async Task JoinAsync(ActorSystem system, NodeClusterSettings settings, Serilog.ILogger log)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        IReadOnlyList<Address> seeds = settings.SeedNodes.IsEmpty ? [cluster.SelfAddress] : [.. settings.SeedNodes.Select(Address.Parse)];
        log.Information("Cluster member {Address} (roles {Roles}) joining through {SeedNodes}", cluster.SelfAddress, string.Join(", ", settings.AkkaRoles),
            settings.SeedNodes.IsEmpty ? "itself (no seed nodes)" : string.Join(", ", seeds));
        cluster.JoinSeedNodes(seeds);
        using var report = new PeriodicTimer(s_reportInterval, TimeProvider.System);
        var waited = TimeSpan.Zero;
        while (true)
        {
            var tick = report.WaitForNextTickAsync().AsTask();
            var first = await Task.WhenAny(up.Task, system.WhenTerminated, tick).ConfigureAwait(false);
            if (first == up.Task)
            {
                log.Information("Cluster member {Address} is Up; leader {Leader}", cluster.SelfAddress, cluster.State.Leader);
                return;
            }

            if (first == system.WhenTerminated)
            {
                throw new InvalidOperationException($"the actor system stopped before {cluster.SelfAddress} joined the cluster");
            }

            waited += s_reportInterval;
            log.Warning("Cluster member {Address} is not Up after {Waited}: no seed node of {SeedNodes} has let it join (unreachable or not running); still trying",
                cluster.SelfAddress, waited, string.Join(", ", seeds));
        }
    }
}
