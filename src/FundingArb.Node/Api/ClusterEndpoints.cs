using System.Collections.Immutable;
using Akka.Actor;
using FundingArb.Node.Cluster;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

/// Status is Akka's member status (Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed); Region is the one its
/// `region-NAME` role names (null for a member without one).
public sealed record ClusterMemberView(string Address, string? Region, ImmutableArray<string> Roles, string Status, bool Reachable);

/// The node a venue's gateway runs on, and the venue's region.
public sealed record ClusterGatewayView(string Venue, string Address, string Region);

/// A placement of pair executors: the node hosting them and their ids.
public sealed record ClusterShardView(string Id, string Address, ImmutableArray<string> Pairs);

public sealed record ClusterLeaseView(string Name, string Owner, DateTimeOffset ExpiresAt);

public sealed record ClusterEventView(string Type, string Address, DateTimeOffset At);

public sealed record ClusterView(ImmutableArray<ClusterMemberView> Members, string? Leader, ImmutableArray<ClusterGatewayView> Gateways,
    ImmutableArray<ClusterShardView> Shards, ImmutableArray<ClusterLeaseView> Leases, ImmutableArray<ClusterEventView> Events);

// Members, reachability and the leader are the whole cluster as this node's gossip sees it. Gateways and shards are the
// answering node's own until gateway singletons and sharding place them across the cluster (issue 17): each node runs
// every venue it is configured with and every executor it recovers, as one local placement. Leases stay empty until
// the PostgreSQL lease is in.

/// /api/v1/cluster: members, leader, gateways, shards, leases and recent member events.
public static class ClusterEndpoints
{
    /// The id of the one placement a node has before sharding.
    public const string LocalShardId = "local";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cluster", async (NodeRuntime node, CancellationToken ct) =>
        {
            var cluster = Akka.Cluster.Cluster.Get(node.System);
            var state = cluster.State;
            var address = node.Address;
            var events = await node.ClusterEvents.Ask<RecentClusterEvents>(GetRecentClusterEvents.Instance, node.AskTimeout, ct).ConfigureAwait(false);
            var pairs = await node.GetExecutorsAsync(ct).ConfigureAwait(false);
            return Results.Ok(new ClusterView(
                [.. state.Members.Select(m => new ClusterMemberView(m.Address.ToString(), RegionOf(m.Roles), [.. m.Roles.Order(StringComparer.Ordinal)],
                    m.Status.ToString(), !state.Unreachable.Contains(m)))],
                state.Leader?.ToString(),
                [.. node.Settings.Venues.Select(v => new ClusterGatewayView(v.Name, address, v.Region))],
                [new ClusterShardView(LocalShardId, address, [.. pairs.Select(p => p.Spec.ExecutorId)])],
                [],
                [.. events.Events.Select(e => new ClusterEventView(e.Type, e.Address, e.At))]));
        });
    }

    private static string? RegionOf(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => r.StartsWith(NodeClusterSettings.RegionRolePrefix, StringComparison.Ordinal)) is { } role
            ? role[NodeClusterSettings.RegionRolePrefix.Length..]
            : null;
}
