using System.Collections.Immutable;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using FundingArb.Actors.Pairs;
using FundingArb.Node.Cluster;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

/// Status is Akka's member status (Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed); Region is the one its
/// `region-NAME` role names (null for a member without one).
public sealed record ClusterMemberView(string Address, string? Region, ImmutableArray<string> Roles, string Status, bool Reachable);

/// The node a venue's gateway runs on (null while no member of the venue's region is Up), and the venue's region.
public sealed record ClusterGatewayView(string Venue, string? Address, string Region);

/// A shard of pairs: the node hosting it and its pairs' ids.
public sealed record ClusterShardView(string Id, string Address, ImmutableArray<string> Pairs);

public sealed record ClusterLeaseView(string Name, string Owner, DateTimeOffset ExpiresAt);

public sealed record ClusterEventView(string Type, string Address, DateTimeOffset At);

public sealed record ClusterView(ImmutableArray<ClusterMemberView> Members, string? Leader, ImmutableArray<ClusterGatewayView> Gateways,
    ImmutableArray<ClusterShardView> Shards, ImmutableArray<ClusterLeaseView> Leases, ImmutableArray<ClusterEventView> Events);

// Members, reachability and the leader are the whole cluster as this node's gossip sees it. Shards come from the
// orchestrator's registry, which every node reaches through its proxy: each pair's shard is the hash of its id, and its
// node is the one its host last reported from (a pair no host reported from yet is left out). A venue's gateway is a
// singleton among the members of its region, so it runs on the oldest Up one, as the singleton manager places it.
// Leases are read from the lease table when the journal, and so the lease, is on PostgreSQL.

/// /api/v1/cluster: members, leader, gateways, shards, leases and recent member events.
public static class ClusterEndpoints
{
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
            var leases = await node.LeasesAsync(ct).ConfigureAwait(false);
            return Results.Ok(new ClusterView(
                [.. state.Members.Select(m => new ClusterMemberView(m.Address.ToString(), RegionOf(m.Roles), [.. m.Roles.Order(StringComparer.Ordinal)],
                    m.Status.ToString(), !state.Unreachable.Contains(m)))],
                state.Leader?.ToString(),
                [.. node.Settings.Venues.Select(v => new ClusterGatewayView(v.Name, OldestUp(state, NodeClusterSettings.RegionRolePrefix + v.Region), v.Region))],
                Shards(node, pairs),
                [.. leases.Select(l => new ClusterLeaseView(l.Name, l.Owner, l.ExpiresAt))],
                [.. events.Events.Select(e => new ClusterEventView(e.Type, e.Address, e.At))]));
        });
    }

    private static ImmutableArray<ClusterShardView> Shards(NodeRuntime node, IEnumerable<PairReport> pairs) =>
    [
        .. pairs.Where(p => p.Node is not null)
            .GroupBy(p => (Shard: node.Placement.Extractor.ShardId(p.Spec.ExecutorId), Node: p.Node!))
            .OrderBy(g => int.Parse(g.Key.Shard, CultureInfo.InvariantCulture)).ThenBy(g => g.Key.Node, StringComparer.Ordinal)
            .Select(g => new ClusterShardView(g.Key.Shard, g.Key.Node, [.. g.Select(p => p.Spec.ExecutorId).Order(StringComparer.Ordinal)])),
    ];

    private static string? OldestUp(ClusterEvent.CurrentClusterState state, string role) =>
        state.Members.Where(m => m.Status == MemberStatus.Up && m.HasRole(role)).OrderBy(m => m, Member.AgeOrdering).FirstOrDefault()?.Address.ToString();

    private static string? RegionOf(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => r.StartsWith(NodeClusterSettings.RegionRolePrefix, StringComparison.Ordinal)) is { } role
            ? role[NodeClusterSettings.RegionRolePrefix.Length..]
            : null;
}
