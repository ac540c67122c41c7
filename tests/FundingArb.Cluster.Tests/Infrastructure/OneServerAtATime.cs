namespace FundingArb.Cluster.Tests.Infrastructure;

/// <summary>
/// Tests that start a PostgreSQL server of their own run one at a time: tests/start-postgres.sh picks the first free
/// port, and two servers starting together would pick the same one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneServerAtATime
{
    public const string Name = "private PostgreSQL server";
}
