namespace FundingArb.Cluster.Leases;

/// <summary>A lease held now: its name, owner, fencing version and expiry on the database's clock.</summary>
public sealed record LeaseRecord(string Name, string Owner, DateTimeOffset ExpiresAt, long Version);
