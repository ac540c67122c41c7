using Akka.Configuration;

namespace FundingArb.Cluster;

/// <summary>The project's HOCON defaults (its embedded reference.conf), for a host to add as a fallback.</summary>
public static class ClusterConfig
{
    /// <summary>The path of the PostgreSQL lease's section, for <c>use-lease</c> and <c>LeaseProvider.GetLease</c>.</summary>
    public const string LeasePath = "fundingarb.cluster.lease";

    public static Config Default() => ConfigurationFactory.FromResource<ClusterConfigAnchor>("FundingArb.Cluster.reference.conf");

    // FromResource<T> reads the resource from T's assembly and needs a type it can name; a static class cannot be a type argument.
    private sealed class ClusterConfigAnchor;
}
