namespace FundingArb.Persistence.Sql;

/// <summary>The database engine behind a journal or snapshot store.</summary>
public enum SqlProvider
{
    /// <summary>An embedded SQLite file (Microsoft.Data.Sqlite), in WAL mode: the single-node default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql): the cluster's shared store.</summary>
    PostgreSql,
}
