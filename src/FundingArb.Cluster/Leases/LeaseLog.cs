using Akka.Event;

namespace FundingArb.Cluster.Leases;

/// <summary>
/// Every log line of the PostgreSQL lease, with its stable event id (the first property of each template), so that
/// operators can search and alert on them. Connection strings never appear in them.
/// </summary>
internal static class LeaseLog
{
    public const int AcquiredId = 4001;
    public const int RenewFailedId = 4002;
    public const int LostId = 4003;
    public const int LostCallbackFailedId = 4004;
    public const int HeartbeatCrashedId = 4005;

    public static void Acquired(ILoggingAdapter log, string lease, string owner, long version) =>
        log.Info("[{EventId}] {Owner} acquired lease {Lease} in term {Version}", AcquiredId, owner, lease, version);

    public static void RenewFailed(ILoggingAdapter log, Exception cause, string lease, TimeSpan left) =>
        log.Warning(cause, "[{EventId}] Renewing lease {Lease} failed; it is given up in {Left} unless a renewal succeeds", RenewFailedId, lease, left);

    public static void Lost(ILoggingAdapter log, string lease, string owner, long version, string reason) =>
        log.Warning("[{EventId}] {Owner} lost lease {Lease} (term {Version}): {Reason}", LostId, owner, lease, version, reason);

    public static void LostCallbackFailed(ILoggingAdapter log, Exception cause, string lease) =>
        log.Error(cause, "[{EventId}] The lost callback of lease {Lease} threw", LostCallbackFailedId, lease);

    public static void HeartbeatCrashed(ILoggingAdapter log, Exception cause, string lease) =>
        log.Error(cause, "[{EventId}] The heartbeat of lease {Lease} failed unexpectedly; the lease is given up", HeartbeatCrashedId, lease);
}
