namespace FundingArb.Persistence.Sql;

/// <summary>
/// The settings of a SQL snapshot store, bound from <c>akka.persistence.snapshot-store.fundingarb-sqlite</c> or
/// <c>akka.persistence.snapshot-store.fundingarb-postgresql</c>.
/// </summary>
public sealed record SqlSnapshotStoreSettings
{
    /// <summary>Which engine the connection string is for.</summary>
    public required SqlProvider Provider { get; init; }

    /// <summary>An ADO.NET connection string (Microsoft.Data.Sqlite or Npgsql syntax).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The PostgreSQL schema holding the tables; ignored by SQLite.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>Whether the tables are created (and migrated) when the store first opens.</summary>
    public bool AutoInitialize { get; init; } = true;

    /// <summary>Snapshot operations running at once; further ones wait their turn.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Checks the values and throws <see cref="ArgumentException"/> naming the first that is wrong.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        ArgumentException.ThrowIfNullOrWhiteSpace(Schema, nameof(Schema));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Parallelism, nameof(Parallelism));
        SqlIdentifier.Validate(Schema, nameof(Schema));
    }
}
