using System.Globalization;
using Akka.Configuration;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// The database of one test (a temporary SQLite file, a PostgreSQL schema) and the HOCON of a system whose
/// default journal, snapshot store and read journal (plugin id <c>test</c>) are ours on it. A second journal
/// on the same data, <c>akka.persistence.journal.test-reopened</c>, plays a restarted node. Disposing removes the data.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string Journal = "akka.persistence.journal.test";
    public const string ReopenedJournal = "akka.persistence.journal.test-reopened";
    public const string SnapshotStore = "akka.persistence.snapshot-store.test";
    public const string ReadJournal = "akka.persistence.query.journal.test";

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract string Schema { get; }

    /// <summary>Akka.Persistence.Sql's provider name for the same database (linq2db).</summary>
    public abstract string LinqToDbProvider { get; }

    /// <summary>
    /// A system's configuration: <paramref name="extra"/>, the test serializer, our plugins on this database as
    /// defaults, and the reference configurations of ours and of Akka.Persistence.Sql (the compatibility tests use it).
    /// </summary>
    public Config Config(string extra = "") =>
        ConfigurationFactory.ParseString(extra + "\n" + Hocon())
            .WithFallback(SqlPersistence.DefaultConfig())
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);

    public abstract Task ExecuteAsync(string sql);

    public abstract Task<long> ScalarAsync(string sql);

    public abstract ValueTask DisposeAsync();

    private string Plugin(string @class, string settings) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          class = "{{@class}}, FundingArb.Persistence.Sql"
          plugin-dispatcher = "akka.actor.default-dispatcher"
          provider = {{Provider}}
          connection-string = "{{ConnectionString}}"
          schema = {{Schema}}
          {{settings}}
        }
        """);

    private string Hocon() => $$"""
        akka.actor {
          serializers.test = "FundingArb.Persistence.Sql.Tests.Infrastructure.TestSerializer, FundingArb.Persistence.Sql.Tests"
          serialization-bindings { "System.Object" = test }
        }
        akka.persistence {
          journal.plugin = "{{Journal}}"
          snapshot-store.plugin = "{{SnapshotStore}}"
          journal.test {{Plugin("FundingArb.Persistence.Sql.Journal.SqlJournal", "replay-page-size = 2\n  synchronous = normal")}}
          journal.test-reopened {{Plugin("FundingArb.Persistence.Sql.Journal.SqlJournal", "synchronous = normal")}}
          snapshot-store.test {{Plugin("FundingArb.Persistence.Sql.Snapshot.SqlSnapshotStore", "")}}
          query.journal.test {
            class = "FundingArb.Persistence.Sql.Query.SqlReadJournalProvider, FundingArb.Persistence.Sql"
            write-plugin = "{{Journal}}"
            page-size = 2
            refresh-interval = 50ms
          }
        }
        """;
}
