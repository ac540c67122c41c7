using Akka.Actor;
using Akka.Configuration;
using FundingArb.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;
using AkkaPersistenceSql = Akka.Persistence.Sql.SqlPersistence;
using OurPersistence = FundingArb.Persistence.Sql.SqlPersistence;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// A fresh database to measure one journal on: an SQLite file in a temporary folder (in WAL mode or SQLite's
/// default rollback journal), or a schema of its own on the PostgreSQL server <c>FUNDINGARB_TEST_PG</c> names.
/// Its systems have our journal (<see cref="Ours"/>) and Akka.Persistence.Sql's (<see cref="Aps"/>) on it; disposing removes it.
/// </summary>
internal sealed class PersistenceTarget : IAsyncDisposable
{
    public const string Ours = "akka.persistence.journal.ours";
    public const string Aps = "akka.persistence.journal.aps";

    private static int s_counter;
    private readonly string? _folder;

    private PersistenceTarget(SqlProvider provider, string connectionString, string schema, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Schema = schema;
        _folder = folder;
    }

    public SqlProvider Provider { get; }

    public string ConnectionString { get; }

    public string Schema { get; }

    public string Name => Provider == SqlProvider.Sqlite ? "sqlite" : "postgresql";

    public static string? PostgreSqlConnectionString => Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } cs ? cs : null;

    /// <summary>A fresh file; <paramref name="wal"/> puts it in WAL mode first (our journal always does; Akka.Persistence.Sql never does).</summary>
    public static PersistenceTarget Sqlite(bool wal = true)
    {
        var folder = Directory.CreateTempSubdirectory("fundingarb-bench-").FullName;
        var target = new PersistenceTarget(SqlProvider.Sqlite, $"Data Source={Path.Combine(folder, "journal.db")}", "public", folder);
        if (wal)
        {
            using var connection = new SqliteConnection(target.ConnectionString);
            connection.Open();
            using var pragma = new SqliteCommand("PRAGMA journal_mode=WAL", connection);
            pragma.ExecuteNonQuery();
        }

        return target;
    }

    public static PersistenceTarget PostgreSql(string connectionString)
    {
        var schema = $"bench{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}";
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            create.ExecuteNonQuery();
        }

        return new PersistenceTarget(SqlProvider.PostgreSql, connectionString, schema, null);
    }

    public static PersistenceTarget Create(string store) => store == "sqlite" ? Sqlite() : PostgreSql(PostgreSqlConnectionString!);

    /// <summary>
    /// A system with both journals on this database. <paramref name="apsSettings"/> are extra keys of
    /// Akka.Persistence.Sql's journal (its tuning knobs); both use the benchmark event's serializer.
    /// </summary>
    public ActorSystem CreateSystem(string apsSettings = "")
    {
        var linqToDb = Provider == SqlProvider.Sqlite ? "SQLite.MS" : "PostgreSQL15";
        var apsSchema = Provider == SqlProvider.PostgreSql ? $"default.schema-name = \"{Schema}\"" : "";
        var config = ConfigurationFactory.ParseString($$"""
            {{BenchSerializer.Hocon}}
            akka.loglevel = WARNING
            akka.persistence.journal.ours {
              class = "FundingArb.Persistence.Sql.Journal.SqlJournal, FundingArb.Persistence.Sql"
              provider = {{Name}}
              connection-string = "{{ConnectionString}}"
              schema = {{Schema}}
            }
            akka.persistence.journal.aps {
              class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
              connection-string = "{{ConnectionString}}"
              provider-name = "{{linqToDb}}"
              {{apsSchema}}
              {{apsSettings}}
            }
            """)
            .WithFallback(OurPersistence.DefaultConfig())
            .WithFallback(AkkaPersistenceSql.DefaultConfiguration);
        return ActorSystem.Create($"bench-{Name}", config);
    }

    /// <summary>The tables, created by our schema (the raw insert writes into them before any journal opens).</summary>
    public async Task EnsureSchemaAsync()
    {
        await using var database = SqlDatabase.Open(Provider, ConnectionString, Schema, autoInitialize: true, () => 638_000_000_000_000_000L);
        await database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
