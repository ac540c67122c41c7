using System.Data.Common;
using FundingArb.Persistence.Sql.Schema;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Sqlite;

/// <summary>
/// An SQLite file in WAL mode: readers use pooled connections and never block the single writer
/// (<see cref="SqliteJournalBatchWriter"/>), which holds a connection of its own.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    private readonly Func<long> _utcTicks;

    public SqliteDatabase(string connectionString, bool autoInitialize, Func<long> utcTicks)
        : base(autoInitialize)
    {
        _utcTicks = utcTicks;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is not SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        ConnectionString = builder.ToString();
    }

    public string ConnectionString { get; }

    public override SqlProvider Provider => SqlProvider.Sqlite;

    public override string Journal => "journal";

    public override string Tags => "tags";

    public override string Snapshot => "snapshot";

    public override string SchemaVersion => "schema_version";

    public override IReadOnlyList<SchemaMigration> Migrations => SqliteSchema.Migrations;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand("PRAGMA journal_mode=WAL"))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // BEGIN IMMEDIATE: two stores opening the same file migrate one after the other.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await MigrationRunner.ApplyAsync(connection, transaction, this, _utcTicks(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
