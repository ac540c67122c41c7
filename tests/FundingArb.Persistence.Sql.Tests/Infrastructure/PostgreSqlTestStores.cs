using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.Persistence.Snapshot;
using Npgsql;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// A schema of its own per test on the server <c>FUNDINGARB_TEST_PG</c> names (<c>./build.sh test</c> starts
/// one), so tests run in parallel on one server. Dropped afterwards. A server that cannot be reached fails
/// the test: PostgreSQL tests never skip.
/// </summary>
public sealed class PostgreSqlTestStores : TestStores
{
    private static int s_counter;

    public PostgreSqlTestStores()
    {
        Schema = $"t{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}";
    }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    public string Schema { get; }

    public override bool SerializesPayloads => true;

    public SqlJournalSettings JournalSettings => new()
    {
        Provider = SqlProvider.PostgreSql,
        ConnectionString = ServerConnectionString,
        Schema = Schema,
        ReplayPageSize = 2,
        QueryPageSize = 2,
    };

    public override AsyncWriteJournal CreateJournal(ILoggingAdapter log) =>
        SqlPersistence.CreateJournal(JournalSettings, Registry, TimeProvider.System, log);

    public override SnapshotStore CreateSnapshotStore() =>
        SqlPersistence.CreateSnapshotStore(
            new SqlSnapshotStoreSettings { Provider = SqlProvider.PostgreSql, ConnectionString = ServerConnectionString, Schema = Schema },
            Registry, TimeProvider.System);

    public override ReadJournal CreateReadJournal(TimeProvider timeProvider) =>
        SqlPersistence.CreateReadJournal(JournalSettings, Registry, timeProvider);

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
