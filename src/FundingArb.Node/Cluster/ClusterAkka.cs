using System.Globalization;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using FundingArb.Cluster;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Cluster;

/// Makes the node's actor system a cluster member: Akka.Remote on `fundingarb.cluster`'s hostname and port, the
/// cluster provider with the node's roles, the split-brain resolver (keep-majority) and the failure detector as
/// `fundingarb.cluster` sets them; sharding as Akka's docs recommend for 1.5 (coordinator state in distributed data,
/// remembered entities event-sourced in the journal) and, with the journal on PostgreSQL, the PostgreSQL lease for every
/// shard and singleton. Joining is not configured here: ClusterJoin joins once the node's own event log listens, through
/// the seed nodes or, with none, the node itself.
internal static class ClusterAkka
{
    /// leased: shards and singletons take the PostgreSQL lease (a journal on PostgreSQL; SQLite means one node, which
    /// has nobody to share with).
    public static void Configure(AkkaConfigurationBuilder akka, NodeClusterSettings cluster, bool leased)
    {
        akka.WithRemoting(cluster.Hostname, cluster.Port);
        akka.WithClustering(new ClusterOptions
        {
            Roles = [.. cluster.AkkaRoles],
            SplitBrainResolver = new KeepMajorityOption(),
            FailureDetector = new PhiAccrualFailureDetectorOptions
            {
                HeartbeatInterval = cluster.HeartbeatInterval,
                AcceptableHeartbeatPause = cluster.AcceptableHeartbeatPause,
                Threshold = cluster.FailureThreshold,
            },
        });

        // ClusterOptions has no place for the resolver's timing.
        var unstable = cluster.DownAllWhenUnstable is { } extra ? Hocon(extra) : "off";
        var lease = leased ? $"\"{ClusterConfig.LeasePath}\"" : "\"\"";
        akka.AddHocon($$"""
            akka.cluster.split-brain-resolver {
              stable-after = {{Hocon(cluster.StableAfter)}}
              down-all-when-unstable = {{unstable}}
            }
            akka.cluster.down-removal-margin = {{Hocon(cluster.DownRemovalMargin)}}
            akka.cluster.sharding {
              state-store-mode = ddata
              remember-entities = on
              remember-entities-store = eventsourced
              use-lease = {{lease}}
              lease-retry-interval = 1s
            }
            akka.cluster.singleton {
              use-lease = {{lease}}
              lease-retry-interval = 1s
            }
            # Akka's most: every pair's host reports to the orchestrator through its node's proxy, which buffers while it
            # looks for the singleton (at start, after a move) and drops the oldest beyond this; the orchestrator asks
            # again for what it missed.
            akka.cluster.singleton-proxy.buffer-size = 10000
            """, HoconAddMode.Prepend);
    }

    private static string Hocon(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");
}
