using System.Text.Json;
using FundingArb.Kernel;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.Serialization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// A database to measure: a fresh SQLite file in a temporary folder, or a fresh schema on the PostgreSQL
/// server that <c>FUNDINGARB_TEST_PG</c> names. Disposing removes it.
/// </summary>
internal sealed class PersistenceTarget : IAsyncDisposable
{
    private static int s_counter;
    private readonly string? _folder;

    private PersistenceTarget(SqlJournalSettings settings, string? folder)
    {
        Settings = settings;
        _folder = folder;
    }

    public SqlJournalSettings Settings { get; }

    public SqlProvider Provider => Settings.Provider;

    public string Name => Provider == SqlProvider.Sqlite ? "sqlite" : "postgresql";

    public EventManifestRegistry Registry { get; } =
        new EventManifestRegistry(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = BenchJsonContext.Default })
            .Register<BenchEvent>("bench.event.v1");

    public static string? PostgreSqlConnectionString => Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } cs ? cs : null;

    public static PersistenceTarget Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("fundingarb-bench-").FullName;
        return new PersistenceTarget(new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "journal.db")}" }, folder);
    }

    public static PersistenceTarget PostgreSql(string connectionString) =>
        new(new SqlJournalSettings
        {
            Provider = SqlProvider.PostgreSql,
            ConnectionString = connectionString,
            Schema = $"bench{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}",
        }, null);

    /// <summary>A system with this target's journal and snapshot store registered under <see cref="Name"/>.</summary>
    public ActorSystem CreateSystem()
    {
        var system = ActorSystem.Create($"bench-{Name}");
        SqlPersistence.RegisterJournal(system, Name, Settings, Registry);
        SqlPersistence.RegisterSnapshotStore(system, Name, new SqlSnapshotStoreSettings { Provider = Provider, ConnectionString = Settings.ConnectionString, Schema = Settings.Schema }, Registry);
        return system;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        await using var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Settings.Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
