using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.Persistence.Snapshot;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>A fresh SQLite file in WAL mode per test, in a temporary folder removed afterwards.</summary>
public sealed class SqliteTestStores : TestStores
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-sqlite-").FullName;

    public SqliteTestStores()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "journal.db")}";
    }

    public string ConnectionString { get; }

    public override bool SerializesPayloads => true;

    public SqlJournalSettings JournalSettings => new()
    {
        Provider = SqlProvider.Sqlite,
        ConnectionString = ConnectionString,
        SqliteSynchronous = "normal",
        ReplayPageSize = 2,
        QueryPageSize = 2,
    };

    public override AsyncWriteJournal CreateJournal(ILoggingAdapter log) =>
        SqlPersistence.CreateJournal(JournalSettings, Registry, TimeProvider.System, log);

    public override SnapshotStore CreateSnapshotStore() =>
        SqlPersistence.CreateSnapshotStore(new SqlSnapshotStoreSettings { Provider = SqlProvider.Sqlite, ConnectionString = ConnectionString }, Registry, TimeProvider.System);

    public override ReadJournal CreateReadJournal(TimeProvider timeProvider) =>
        SqlPersistence.CreateReadJournal(JournalSettings, Registry, timeProvider);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
