using Akka.Configuration;
using FundingArb.Actors.Journaling;
using FundingArb.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace FundingArb.Benchmarks.Actors;

/// The journal a node runs on (our SQLite plugin with its defaults: WAL, synchronous = full, and the event serializer)
/// on a file of its own in a temporary folder, removed on dispose. Tally counts every event the journal takes.
internal sealed class SqliteBenchJournal : IDisposable
{
    public const string TallyIdKey = "bench.counting-journal-id";

    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-bench-").FullName;

    public CountingJournal Tally { get; } = new CountingJournal(keepEvents: false).Registered();

    /// The configuration of a node on this file.
    public Config Config
    {
        get
        {
            var connection = $"Data Source={Path.Combine(_folder, "journal.db")}";
            return ConfigurationFactory.ParseString($$"""
                akka.persistence {
                  journal.plugin = "{{SqlPersistence.SqliteJournal}}"
                  snapshot-store.plugin = "{{SqlPersistence.SqliteSnapshotStore}}"
                  journal.fundingarb-sqlite {
                    connection-string = "{{connection}}"
                    event-adapters.tally = "{{typeof(CountingEventAdapter).AssemblyQualifiedName}}"
                    event-adapter-bindings { "{{typeof(IJournalEvent).AssemblyQualifiedName}}" = tally }
                  }
                  snapshot-store.fundingarb-sqlite.connection-string = "{{connection}}"
                }
                {{TallyIdKey}} = "{{Tally.Id}}"
                """).WithFallback(EventSerializer.Config).WithFallback(SqlPersistence.DefaultConfig());
        }
    }

    public void Dispose()
    {
        Tally.Unregister();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
