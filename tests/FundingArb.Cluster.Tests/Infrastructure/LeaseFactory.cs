using Akka.Configuration;
using Akka.Coordination;
using Akka.Event;
using FundingArb.Cluster.Leases;

namespace FundingArb.Cluster.Tests.Infrastructure;

/// <summary>Builds a <see cref="PostgreSqlLease"/> on a test's clock and logger, as Akka's LeaseProvider would on the system's.</summary>
internal static class LeaseFactory
{
    public static PostgreSqlLease Create(PostgreSqlLeaseSettings settings, string owner, TimeProvider clock, ILoggingAdapter log, string name = "shard-1")
    {
        var akka = new LeaseSettings(name, owner, new TimeoutSettings(settings.HeartbeatInterval, settings.HeartbeatTimeout, settings.OperationTimeout), Config.Empty);
        return new PostgreSqlLease(akka, settings, clock, log);
    }
}
