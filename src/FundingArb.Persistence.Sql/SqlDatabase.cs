using System.Data.Common;
using FundingArb.Persistence.Sql.PostgreSql;
using FundingArb.Persistence.Sql.Schema;
using FundingArb.Persistence.Sql.Sqlite;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// One database as the stores see it: qualified table names, read connections, the schema and what a
/// unique-key violation looks like. The SQL the stores share is written once against <see cref="DbConnection"/>;
/// each engine adds only what differs (its DDL and its batch insert).
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    private readonly SchemaInitializer _schema;

    protected SqlDatabase(bool autoInitialize)
    {
        _schema = new SchemaInitializer(this, autoInitialize);
    }

    public abstract SqlProvider Provider { get; }

    /// <summary>The journal table, qualified.</summary>
    public abstract string Journal { get; }

    public abstract string Tags { get; }

    public abstract string Snapshot { get; }

    public abstract string SchemaVersion { get; }

    /// <summary>Every migration, oldest first; version N is applied once, in its own transaction with the version row.</summary>
    public abstract IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>Opens a connection for reads and short writes (deletes, snapshots).</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs the migrations not yet applied, under a lock that keeps concurrent initializers apart.</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is a violation of the (persistence_id, sequence_number) key.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Opens <paramref name="provider"/>'s database; <paramref name="utcTicks"/> stamps applied migrations.</summary>
    public static SqlDatabase Open(SqlProvider provider, string connectionString, string schema, bool autoInitialize, Func<long> utcTicks) =>
        provider switch
        {
            SqlProvider.Sqlite => new SqliteDatabase(connectionString, autoInitialize, utcTicks),
            SqlProvider.PostgreSql => new PostgreSqlDatabase(connectionString, schema, autoInitialize, utcTicks),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown SQL provider."),
        };

    /// <summary>Completes once the schema exists (created on first use when auto-initialize is on).</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        _schema.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
