namespace FundingArb.Cluster.Leases;

/// <summary>
/// A lease term the database granted or renewed: its fencing <paramref name="Version"/> (higher for every new term of the
/// lease, whoever takes it) and when the database will let it expire, on the database's clock.
/// </summary>
public readonly record struct LeaseGrant(long Version, DateTimeOffset ExpiresAt);
