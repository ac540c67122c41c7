using System.Collections.Immutable;

namespace FundingArb.Node.Configuration;

/// The node's place in the Akka cluster (`fundingarb.cluster`; hocon/reference.conf documents each key).
public sealed record NodeClusterSettings
{
    /// The role prefix of a region: a node of region `eu` has the Akka role `region-eu`.
    public const string RegionRolePrefix = "region-";

    /// The node's exchange region; also its Akka role `region-NAME`, and the region of every venue that names none.
    public required string Region { get; init; }

    /// Roles besides the region's.
    public required ImmutableArray<string> Roles { get; init; }

    /// The address Akka.Remote listens on and other members reach the node at.
    public required string Hostname { get; init; }

    /// 0 takes a free port (a single node, tests); a member others name as a seed needs a fixed one.
    public required int Port { get; init; }

    /// Akka addresses (akka.tcp://fundingarb@host:port) of the members to join through; empty: the node is its own
    /// seed and forms a one-member cluster.
    public required ImmutableArray<string> SeedNodes { get; init; }

    /// How long membership and reachability must hold still before the split-brain resolver downs the unreachable side.
    public required TimeSpan StableAfter { get; init; }

    /// Null: off. Otherwise, how long past stable-after an unstable cluster waits before the resolver downs every member.
    public required TimeSpan? DownAllWhenUnstable { get; init; }

    /// How long after downing a member the survivors start its shards and singletons.
    public required TimeSpan DownRemovalMargin { get; init; }

    public required TimeSpan HeartbeatInterval { get; init; }

    /// The silence the failure detector accepts before it starts to suspect a member.
    public required TimeSpan AcceptableHeartbeatPause { get; init; }

    /// Phi at which a member is marked unreachable.
    public required double FailureThreshold { get; init; }

    /// Member events kept for GET /api/v1/cluster.
    public required int RecentEvents { get; init; }

    /// The number of shards pairs are spread over; the same on every node.
    public required int Shards { get; init; }

    /// The node's Akka roles: its region's first.
    public ImmutableArray<string> AkkaRoles => [RegionRolePrefix + Region, .. Roles];
}
