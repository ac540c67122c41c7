using System.Globalization;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Cluster;

/// Makes the node's actor system a cluster member: Akka.Remote on `fundingarb.cluster`'s hostname and port, the
/// cluster provider with the node's roles, the split-brain resolver (keep-majority) and the failure detector as
/// `fundingarb.cluster` sets them. Joining is not configured here: ClusterJoin joins once the node's own event log
/// listens, through the seed nodes or, with none, the node itself.
internal static class ClusterAkka
{
    public static void Configure(AkkaConfigurationBuilder akka, NodeClusterSettings cluster)
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
        akka.AddHocon($$"""
            akka.cluster.split-brain-resolver {
              stable-after = {{Hocon(cluster.StableAfter)}}
              down-all-when-unstable = {{unstable}}
            }
            """, HoconAddMode.Prepend);
    }

    private static string Hocon(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");
}
