using System.Data.Common;
using System.Text;
using FundingArb.Persistence.Sql.Schema;
using Npgsql;

namespace FundingArb.Persistence.Sql.PostgreSql;

/// <summary>A PostgreSQL schema reached through one pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgreSqlDatabase : SqlDatabase
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<long> _utcTicks;

    public PostgreSqlDatabase(string connectionString, string schema, bool autoInitialize, Func<long> utcTicks)
        : base(autoInitialize)
    {
        SqlIdentifier.Validate(schema, nameof(schema));
        Schema = schema;
        _utcTicks = utcTicks;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The journal runs a handful of statements millions of times: let Npgsql prepare them.
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
        JournalLockKey = StableHash($"fundingarb.journal:{schema}");
    }

    public string Schema { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// The advisory lock every journal write transaction takes before it inserts. Writers therefore commit
    /// in the order their <c>ordering</c> numbers were drawn, so a query that has seen offset N never meets
    /// a row below N that commits later.
    /// </summary>
    public long JournalLockKey { get; }

    public override SqlProvider Provider => SqlProvider.PostgreSql;

    public override string Journal => $"\"{Schema}\".journal";

    public override string Tags => $"\"{Schema}\".tags";

    public override string Snapshot => $"\"{Schema}\".snapshot";

    public override string SchemaVersion => $"\"{Schema}\".schema_version";

    public override IReadOnlyList<SchemaMigration> Migrations => PostgreSqlSchema.Migrations(Schema);

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand($"SELECT pg_advisory_xact_lock(@key); CREATE SCHEMA IF NOT EXISTS \"{Schema}\"", transaction))
        {
            await command.With("@key", StableHash($"fundingarb.schema:{Schema}")).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await MigrationRunner.ApplyAsync(connection, transaction, this, _utcTicks(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: UniqueViolation };

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>FNV-1a over UTF-8: the same key in every process, unlike string.GetHashCode.</summary>
    private static long StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
