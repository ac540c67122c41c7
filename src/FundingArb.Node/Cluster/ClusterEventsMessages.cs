using System.Collections.Immutable;

namespace FundingArb.Node.Cluster;

/// Asks ClusterEventsActor for the member events it keeps, oldest first.
public sealed record GetRecentClusterEvents
{
    public static GetRecentClusterEvents Instance { get; } = new();

    private GetRecentClusterEvents()
    {
    }
}

/// Type is Akka's event name (MemberJoined, MemberUp, MemberWeaklyUp, MemberLeft, MemberExited, MemberDowned,
/// MemberRemoved, UnreachableMember, ReachableMember); At is wall-clock time, whatever the node's --speed.
public sealed record ClusterEventRecord(string Type, string Address, DateTimeOffset At);

public sealed record RecentClusterEvents(ImmutableArray<ClusterEventRecord> Events);
